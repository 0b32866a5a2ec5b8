import HCL

/// Why a `type = ...` expression is not a valid type constraint, with where it was written.
public struct TypeConstraintError: Error, Sendable, Hashable, CustomStringConvertible {
    public var summary: String
    public var detail: String
    public var range: SourceRange

    public init(summary: String = "Invalid type specification", detail: String, range: SourceRange) {
        self.summary = summary
        self.detail = detail
        self.range = range
    }

    public var description: String { "\(summary): \(detail)" }
}

/// Why a value does not fit a type constraint. Renders as Terraform does: the path in cty's
/// notation, then the reason (`.rules[0].port: a number is required`); shape mismatches have no
/// path and say which attribute inside their message (`attribute "tags": map of string required`).
public struct ConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum PathStep: Sendable, Hashable {
        case attribute(String)
        case index(Int)
        case key(String)
    }

    public var path: [PathStep]
    public var message: String

    public init(path: [PathStep] = [], message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        guard !path.isEmpty else { return message }
        let rendered = path.map { step -> String in
            switch step {
            case .attribute(let name): return "." + name
            case .index(let index): return "[\(index)]"
            case .key(let key): return "[\(JSONText.quote(key))]"
            }
        }
        return rendered.joined() + ": " + message
    }

    func within(_ step: PathStep) -> ConversionError {
        ConversionError(path: [step] + path, message: message)
    }
}
