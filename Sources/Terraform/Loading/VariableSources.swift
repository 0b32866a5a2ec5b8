import DriftModel
import Foundation
import HCL

/// One `--var-file` or `--var` on the command line, kept in command-line order.
public enum VariableArgument: Sendable, Hashable {
    case file(String)
    /// `NAME=VALUE`.
    case assignment(String)
}

/// Gathers root variable values in Terraform's precedence (later wins): `TF_VAR_*` <
/// `terraform.tfvars` < `terraform.tfvars.json` < `*.auto.tfvars(.json)` by name < command-line
/// `--var-file`/`--var` in order. Defaults are applied later, by the variable itself.
struct VariableSources {
    var rootDirectory: String
    var arguments: [VariableArgument]
    var environment: [String: String]
    var log: DiagnosticLog

    func collect(declared: Set<String>) -> [String: RawVariableValue] {
        var values: [String: RawVariableValue] = [:]
        for (key, text) in environment where key.hasPrefix("TF_VAR_") {
            let name = String(key.dropFirst(7))
            if declared.contains(name) { values[name] = .text(text, origin: "<value for var.\(name)>") }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rootDirectory)) ?? []
        var files = ["terraform.tfvars", "terraform.tfvars.json"].filter(names.contains)
        files += names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }.sorted()
        for name in files {
            read(path: rootDirectory + "/" + name, display: name, declared: declared, into: &values)
        }
        for argument in arguments {
            switch argument {
            case .file(let path):
                let resolved = resolve(path)
                guard FileManager.default.fileExists(atPath: resolved) else {
                    log.error("Failed to read variables file: given variables file \(path) does not exist",
                              at: HCLBridge.emptyRange(path))
                    continue
                }
                read(path: resolved, display: path, declared: declared, into: &values, fromCommandLine: true)
            case .assignment(let text):
                guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                    log.error(
                        "Invalid -var option: the given -var option \"\(text)\" is not correctly specified. It must "
                            + "be a variable name and value separated by an equals sign, like -var=\"key=value\"",
                        at: HCLBridge.emptyRange("<command line>"))
                    continue
                }
                let name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
                guard declared.contains(name) else {
                    log.error(
                        "Value for undeclared variable: a variable named \"\(name)\" was assigned on the command "
                            + "line, but the root module does not declare a variable of that name. To use this value, "
                            + "add a \"variable\" block to the configuration", at: HCLBridge.emptyRange("<command line>"))
                    continue
                }
                values[name] = .text(String(text[text.index(after: eq)...]), origin: "<value for var.\(name)>")
            }
        }
        return values
    }

    /// Relative var-file paths are taken from the working directory, then from the root module.
    private func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath + "/" + path
        if FileManager.default.fileExists(atPath: cwd) { return cwd }
        return rootDirectory + "/" + path
    }

    private func read(
        path: String, display: String, declared: Set<String>, into values: inout [String: RawVariableValue],
        fromCommandLine: Bool = false
    ) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            log.error("Failed to read variables file: \(display) could not be read", at: HCLBridge.emptyRange(display))
            return
        }
        log.addSource(text, filename: display)
        let fileRange = HCLBridge.emptyRange(display)
        if display.hasSuffix(".json") {
            let document: Value
            do {
                document = try JSONParser.parse(text)
            } catch {
                log.error("Invalid variables file: \(error)", at: fileRange)
                return
            }
            guard case .object(let members) = document else {
                log.error("Invalid variables file: the root of a JSON variables file must be an object", at: fileRange)
                return
            }
            for name in members.keys.sorted() {
                guard let member = members[name] else { continue }
                guard declared.contains(name) else {
                    undeclared(name, file: display, at: fileRange, fromCommandLine: fromCommandLine)
                    continue
                }
                values[name] = .value(ValueConverter.hclValue(member), range: fileRange)
            }
            return
        }
        let parsed = HCLBridge.parse(text, filename: display)
        log.add(contentsOf: parsed.diagnostics)
        for block in parsed.body.blocks {
            log.error("Unexpected \"\(block.type)\" block: blocks are not allowed here", at: block.typeRange)
        }
        for attribute in parsed.body.attributes {
            guard declared.contains(attribute.name) else {
                undeclared(attribute.name, file: display, at: attribute.nameRange, fromCommandLine: fromCommandLine)
                continue
            }
            values[attribute.name] = .expression(attribute.expression)
        }
    }

    private func undeclared(_ name: String, file: String, at range: SourceRange, fromCommandLine: Bool) {
        let message =
            "Value for undeclared variable: the root module does not declare a variable named \"\(name)\" but a "
            + "value was found in file \"\(file)\". To use this value, add a \"variable\" block to the configuration"
        _ = fromCommandLine
        log.warning(message, at: range)
    }
}
