import DriftModel
import Foundation

/// What a 2xx answer must look like to be the answer of the operation that asked for it.
///
/// A proxy's XHTML page, an empty body or another operation's document is not "nothing
/// configured": it is a `MalformedAnswer`, retried like a 5xx and then reported as an error for
/// that resource. "Not configured" comes only from the documented signal (an error code such as
/// `NoSuchBucketPolicy`, or the documented empty element), which the caller reads from a document
/// that passed this check.
public enum ExpectedAnswer: Sendable, Hashable {
    /// No body check (HEAD, or a caller that reads only headers).
    case anything
    /// An XML document whose root element is one of `roots` (local names) and has every child in
    /// `children`.
    case xml(roots: Set<String>, children: [String] = [])
    /// A JSON object with every key in `keys` (DynamoDB).
    case jsonObject(keys: [String] = [])
    /// A non-empty JSON object as the whole body (GetBucketPolicy's policy document).
    case jsonDocument

    /// The parsed XML document when the answer is one; throws when it is not what was expected.
    func check(_ body: Data) throws(MalformedAnswer) -> XMLTree? {
        switch self {
        case .anything:
            return nil
        case .xml(let roots, let children):
            let tree: XMLTree
            do { tree = try XMLTree.parse(body) } catch {
                throw MalformedAnswer(body.isEmpty ? "empty body where an XML document was expected" : error.description)
            }
            guard roots.contains(tree.name) else {
                throw MalformedAnswer("expected <\(roots.sorted().joined(separator: "> or <"))>, got <\(tree.name)>")
            }
            if let missing = children.first(where: { tree.child($0) == nil }) {
                throw MalformedAnswer("<\(tree.name)> without <\(missing)>")
            }
            return tree
        case .jsonObject(let keys):
            guard case .object(let object) = try Self.json(body) else { throw MalformedAnswer("the body is not a JSON object") }
            if let missing = keys.first(where: { object[$0] == nil }) { throw MalformedAnswer("no \(missing) in the answer") }
            return nil
        case .jsonDocument:
            guard case .object = try Self.json(body) else { throw MalformedAnswer("the body is not a JSON object") }
            return nil
        }
    }

    static func json(_ body: Data) throws(MalformedAnswer) -> Value {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw MalformedAnswer("empty body where a JSON document was expected")
        }
        do { return try JSONParser.parse(bytes: Array(body)) } catch {
            throw MalformedAnswer("the body is not JSON: \(error.description)")
        }
    }
}
