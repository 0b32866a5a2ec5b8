import Crypto

/// Small text helpers shared by the function library (Go-like trimming and hex digests).
extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        ByteText.replaceAll(self, target, with: replacement)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
}

extension Digest {
    var hex: String { map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
