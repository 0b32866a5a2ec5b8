import Foundation
import Testing

@testable import HCL

/// Throughput of parse + evaluate on a generated configuration. The 10 MB target (under 1 s) is
/// for release builds: `HCL_BENCH=1 swift test -c release --filter HCLTests.PerformanceTests`.
/// Without HCL_BENCH a 1 MB run checks the path stays linear (generous bound for debug builds).
/// `sh Tests/HCLTests/Fixtures/bench/run.sh 10` measures the same workload at -O without a
/// release build of the whole package.
@Suite("Performance")
struct PerformanceTests {
    /// A realistic resource-heavy configuration of about `megabytes` MB.
    static func generate(megabytes: Double) -> String {
        var out = ""
        let target = Int(megabytes * 1_000_000)
        out.reserveCapacity(target + 4096)
        var i = 0
        while out.utf8.count < target {
            out += """
                resource "aws_instance" "web_\(i)" {
                  ami           = "ami-\(i)abcdef"
                  instance_type = var.large ? "m5.large" : "t3.micro"
                  count         = 2
                  subnet_id     = var.subnets[\(i % 3)]
                  tags = {
                    Name  = "web-${var.env}-\(i)"
                    Index = \(i) * 2 + 1
                    Team  = upper(var.team)
                  }
                  # a comment line
                  user_data = <<-EOT
                    #!/bin/sh
                    echo ${var.env} \(i)
                    EOT
                  ids = [for s in var.subnets : "${s}-\(i)" if s != ""]

                  root_block_device {
                    volume_size = \(i % 100) + 8
                    encrypted   = true
                  }
                }


                """
            i += 1
        }
        return out
    }

    static let context = EvalContext(
        variables: [
            "var": .object([
                "large": .bool(false), "env": .string("prod"), "team": .string("core"),
                "subnets": .tuple([.string("subnet-a"), .string("subnet-b"), .string("subnet-c")]),
            ])
        ],
        functions: ["upper": HCLFunction(name: "upper") { args in .string(args.first?.asString?.uppercased() ?? "") }])

    /// Parses and evaluates every attribute; returns (seconds, attributes evaluated).
    static func run(_ source: String) -> (Double, Int) {
        let start = Date()
        let result = HCLParser.parse(source, filename: "big.tf")
        var count = 0
        var bodies = [result.body]
        while let body = bodies.popLast() {
            bodies += body.blocks.map(\.body)
            for attribute in body.attributes {
                let (_, diagnostics) = Evaluator.evaluate(attribute.expression, in: context)
                if diagnostics.isEmpty { count += 1 }
            }
        }
        #expect(result.diagnostics.isEmpty)
        return (Date().timeIntervalSince(start), count)
    }

    @Test("parse + evaluate scales to large files")
    func throughput() {
        let bench = ProcessInfo.processInfo.environment["HCL_BENCH"] != nil
        let source = Self.generate(megabytes: bench ? 10 : 1)
        let (seconds, count) = Self.run(source)
        let megabytes = Double(source.utf8.count) / 1_000_000
        print("HCL parse+evaluate: \(String(format: "%.2f", megabytes)) MB, \(count) attributes in \(String(format: "%.3f", seconds)) s (\(String(format: "%.1f", megabytes / seconds)) MB/s)")
        #expect(count > 0)
        #expect(seconds < (bench ? 1.0 : 20.0))
    }
}
