import Foundation

/// One XML element with its children, read once from an AWS response body.
///
/// EC2 and S3 answer in XML; a small immutable tree is easier to normalize from than SAX callbacks,
/// and it is `Sendable` so collectors can hand it across tasks. Namespaces are dropped from names.
public struct XMLTree: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    public var text: String
    public var children: [XMLTree]

    public init(name: String, attributes: [String: String] = [:], text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child named `name`.
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// Follows a `/`-separated path of child names: `path("instancesSet/item")` → first match.
    public func at(_ path: String) -> XMLTree? {
        var node: XMLTree? = self
        for part in path.split(separator: "/") { node = node?.child(String(part)) }
        return node
    }

    /// All elements at the end of a path, e.g. `all("reservationSet/item")`.
    public func all(_ path: String) -> [XMLTree] {
        var nodes = [self]
        for part in path.split(separator: "/") { nodes = nodes.flatMap { $0.children(String(part)) } }
        return nodes
    }

    /// Trimmed text at a path, `nil` when the element is absent.
    public func string(_ path: String) -> String? { at(path).map { $0.text } }

    public enum ParseError: Error, CustomStringConvertible, Sendable {
        case malformed(line: Int, column: Int, message: String)
        case empty
        public var description: String {
            switch self {
            case .malformed(let line, let column, let message): return "malformed XML at \(line):\(column): \(message)"
            case .empty: return "empty XML document"
            }
        }
    }

    /// Parses a complete document of any size and returns its root element (see `XMLReader`).
    public static func parse(_ data: Data) throws(ParseError) -> XMLTree {
        try XMLReader.parse(data)
    }
}
