// Release-mode throughput of the HCL target alone: compiled together with Sources/HCL by
// run.sh (no package release build needed). Generates N MB of resource blocks (default 10),
// then reports CPU seconds for lexing, parsing and evaluating every attribute, three times.
import Foundation
let mb = Double(CommandLine.arguments.dropFirst().first ?? "10") ?? 10
func gen(_ megabytes: Double) -> String {
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
    let context = EvalContext(
        variables: [
            "var": .object([
                "large": .bool(false), "env": .string("prod"), "team": .string("core"),
                "subnets": .tuple([.string("subnet-a"), .string("subnet-b"), .string("subnet-c")]),
            ])
        ],
        functions: ["upper": HCLFunction(name: "upper") { args in .string(args.first?.asString?.uppercased() ?? "") }])


let s = gen(mb)
func cpu() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
for _ in 0..<3 {
    let c0 = cpu()
    let bytes = Array(s.utf8)
    let toks = bytes.withUnsafeBufferPointer { Lexer.tokenize($0) }
    let c1 = cpu()
    let result = HCLParser.parse(s, filename: "big.tf")
    let c2 = cpu()
    var count = 0
    var bodies = [result.body]
    while let body = bodies.popLast() {
        bodies += body.blocks.map(\.body)
        for attribute in body.attributes {
            let (_, d) = Evaluator.evaluate(attribute.expression, in: context)
            if d.isEmpty { count += 1 }
        }
    }
    let c3 = cpu()
    print("lex \(c1 - c0) parse(incl lex) \(c2 - c1) eval \(c3 - c2) total parse+eval \(c3 - c1) tokens \(toks.count) attrs \(count)")
}
