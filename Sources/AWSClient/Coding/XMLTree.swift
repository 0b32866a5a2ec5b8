import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

    /// Parses a complete document and returns its root element.
    public static func parse(_ data: Data) throws(ParseError) -> XMLTree {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            throw .malformed(
                line: parser.lineNumber, column: parser.columnNumber,
                message: parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error")
        }
        guard let root = delegate.root else { throw .empty }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLTree(name: local, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard var done = stack.popLast() else { return }
        if !done.children.isEmpty { done.text = done.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }
}
