import Foundation

extension BaselineLoader.Phases {
    /// `drift baseline --timings`: one line on stderr that `scripts/bench-baseline` parses
    /// (`parse+evaluate N s` is the figure the speed target is about).
    public func summary(render: Duration, resources: Int) -> String {
        let parse = Self.seconds(self.parse), evaluate = Self.seconds(self.evaluate)
        return "timings: parse \(Self.format(parse)) s, evaluate \(Self.format(evaluate)) s "
            + "(\(Self.format(Self.seconds(evaluateCPU))) s CPU), parse+evaluate \(Self.format(parse + evaluate)) s, "
            + "render \(Self.format(Self.seconds(render))) s, \(resources) resources\n"
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
