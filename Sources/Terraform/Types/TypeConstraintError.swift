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

/// Why a value does not fit a type constraint, with the path to the offending part. Renders as
/// Terraform does: `attribute "tags": element 0: string required`.
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
        let steps = path.map { step -> String in
            switch step {
            case .attribute(let name): return "attribute \(JSONText.quote(name))"
            case .index(let index): return "element \(index)"
            case .key(let key): return "element \(JSONText.quote(key))"
            }
        }
        return (steps + [message]).joined(separator: ": ")
    }

    func within(_ step: PathStep) -> ConversionError {
        ConversionError(path: [step] + path, message: message)
    }
}
