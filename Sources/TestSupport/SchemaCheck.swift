import Foundation

/// Validates report output against the schemas vendored under `Tests/Schemas`, with the tools
/// `scripts/bootstrap` installs: `xmllint` for JUnit XML (Jenkins' junit-10 shape) and the
/// virtual environment's `jsonschema` for SARIF 2.1.0. A missing tool is a failure, never a skip.
public enum SchemaCheck {
    public struct Invalid: Error, CustomStringConvertible {
        public let schema: String
        public let output: String
        public var description: String { "not valid against \(schema):\n\(output)" }
    }

    public static func schema(_ name: String) -> String {
        ProjectEnvironment.root.appendingPathComponent("Tests/Schemas/\(name)").path
    }

    /// Throws `Invalid` with xmllint's messages when `xml` does not validate against junit-10.xsd.
    public static func junit(_ xml: String) throws {
        try run(
            ["xmllint", "--noout", "--schema", schema("junit-10.xsd"), "-"], input: xml, schema: "junit-10.xsd")
    }

    /// Throws `Invalid` with every jsonschema error when `json` is not a valid SARIF 2.1.0 log.
    public static func sarif(_ json: String) throws {
        let code = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = json.load(sys.stdin)
            validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            for e in errors:
                print("/".join(map(str, e.absolute_path)) or "(root)", ":", e.message)
            sys.exit(1 if errors else 0)
            """
        try run(
            [ProjectEnvironment.tool("python3"), "-c", code, schema("sarif-2.1.0.schema.json")], input: json,
            schema: "sarif-2.1.0.schema.json")
    }

    private static func run(_ arguments: [String], input: String, schema: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProjectEnvironment.environment()
        let stdin = Pipe()
        let out = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = out
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            box.data = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: box.data, as: UTF8.self)
            throw Invalid(
                schema: schema,
                output: process.terminationStatus == 127 ? "\(arguments[0]) not found: run scripts/bootstrap\n\(text)" : text)
        }
    }
}
