import Foundation

/// Parses a YAML file with PyYAML from the project's `.venv` (scripts/bootstrap installs it) into
/// JSON values (`[String: Any]`, `[Any]`, `String`, `NSNumber`), one per `---` document: the
/// deploy manifests are checked as their schedulers read them, by a real YAML parser.
///
/// YAML 1.1 reads a bare `on` key as the boolean true; GitHub Actions reads it as `on`, and so
/// does this (keys that are `true` come back as `"on"`).
public enum YAMLDocuments {
    public struct Failure: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): not valid YAML: \(reason)" }
    }

    static let converter = """
        import json, sys, yaml
        def keys(node):
            if isinstance(node, dict):
                return {("on" if k is True else str(k)): keys(v) for k, v in node.items()}
            if isinstance(node, list):
                return [keys(v) for v in node]
            return node
        with open(sys.argv[1]) as f:
            json.dump([keys(d) for d in yaml.safe_load_all(f) if d is not None], sys.stdout)
        """

    public static func load(_ path: String) throws -> [Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProjectEnvironment.tool("python3"), "-c", converter, path]
        process.environment = ProjectEnvironment.environment()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(file: path, reason: String(decoding: errors.data, as: UTF8.self))
        }
        guard let documents = try JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw Failure(file: path, reason: "the converter gave no list of documents")
        }
        return documents
    }
}
