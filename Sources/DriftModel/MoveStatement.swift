/// A Terraform `moved` block: what the state records at `from` is, from now on, at `to`.
/// `terraform plan` renames the state before planning, so a resource moved this way is neither
/// created at its new address nor destroyed at its old one; drift applies the same renaming to
/// the state before matching, so it reports neither `missing` nor `orphaned` either.
public struct MoveStatement: Sendable, Hashable {
    public var from: ResourceAddress
    public var to: ResourceAddress
    /// `file:line:col` of the `moved` block.
    public var source: String?

    public init(from: ResourceAddress, to: ResourceAddress, source: String? = nil) {
        self.from = from
        self.to = to
        self.source = source
    }
}

/// A Terraform address as a value: module steps (`module.NAME[KEY]`), then, for a resource or a
/// resource instance, `TYPE.NAME[KEY]`. A `moved` block's endpoints and a state's instance
/// addresses are both this.
public struct ResourceAddress: Sendable, Hashable, CustomStringConvertible {
    public struct Step: Sendable, Hashable {
        public var name: String
        public var key: ResourceIndex?
        public init(name: String, key: ResourceIndex? = nil) {
            self.name = name
            self.key = key
        }
    }

    public struct Resource: Sendable, Hashable {
        public var type: String
        public var name: String
        public var key: ResourceIndex?
        public init(type: String, name: String, key: ResourceIndex? = nil) {
            self.type = type
            self.name = name
            self.key = key
        }
    }

    public var modules: [Step]
    /// `nil` for a module (call or instance) address.
    public var resource: Resource?

    public init(modules: [Step] = [], resource: Resource? = nil) {
        self.modules = modules
        self.resource = resource
    }

    public var description: String {
        var parts = modules.map { "module.\($0.name)" + ($0.key?.description ?? "") }
        if let resource { parts.append("\(resource.type).\(resource.name)" + (resource.key?.description ?? "")) }
        return parts.joined(separator: ".")
    }

    /// Reads an address as Terraform prints it (`module.a["k"].aws_instance.b[0]`); `nil` when it is not one.
    public init?(parsing text: String) {
        var reader = AddressReader(Array(text.utf8))
        var modules: [Step] = []
        var resource: Resource?
        while !reader.atEnd {
            if !modules.isEmpty || resource != nil { guard reader.take(UInt8(ascii: ".")) else { return nil } }
            guard resource == nil, let first = reader.name() else { return nil }
            guard reader.take(UInt8(ascii: ".")), let second = reader.name() else { return nil }
            var key: ResourceIndex?
            if reader.peek == UInt8(ascii: "[") {
                guard let index = reader.index() else { return nil }
                key = index
            }
            if first == "module" {
                modules.append(Step(name: second, key: key))
            } else {
                resource = Resource(type: first, name: second, key: key)
            }
        }
        guard !modules.isEmpty || resource != nil else { return nil }
        self.init(modules: modules, resource: resource)
    }

    /// Whether this (state) address is one `endpoint` names: one of the resource's instances, or
    /// anything inside one of the module call's instances (a `removed` block's `from`). A key on
    /// the endpoint narrows it to that instance.
    public func isWithin(_ endpoint: ResourceAddress) -> Bool {
        func matches(_ step: Step, _ pattern: Step) -> Bool { step.name == pattern.name && (pattern.key == nil || step.key == pattern.key) }
        if let wanted = endpoint.resource {
            guard let resource, modules.count == endpoint.modules.count,
                zip(modules, endpoint.modules).allSatisfy(matches), resource.type == wanted.type, resource.name == wanted.name
            else { return false }
            return wanted.key == nil || resource.key == wanted.key
        }
        guard !endpoint.modules.isEmpty, modules.count >= endpoint.modules.count else { return false }
        return zip(modules, endpoint.modules).allSatisfy(matches)
    }

    /// Where `move` puts this (state) address, or `nil` when the move does not concern it — as
    /// Terraform reads a `moved` block: when either endpoint has an instance key, both stand for
    /// single instances (no key meaning the unkeyed one); otherwise they stand for a whole
    /// resource or module call, every instance of which keeps its key.
    public func moved(by move: MoveStatement) -> ResourceAddress? {
        let from = move.from, to = move.to
        if let fromResource = from.resource {
            guard let toResource = to.resource, let resource, modules == from.modules,
                resource.type == fromResource.type, resource.name == fromResource.name
            else { return nil }
            let single = fromResource.key != nil || toResource.key != nil
            if single && resource.key != fromResource.key { return nil }
            var key = resource.key
            if single { key = toResource.key }
            return ResourceAddress(modules: to.modules, resource: Resource(type: toResource.type, name: toResource.name, key: key))
        }
        // A module call or module instance, and everything in it.
        guard to.resource == nil, let last = from.modules.last, let toLast = to.modules.last,
            modules.count >= from.modules.count
        else { return nil }
        let prefix = Array(modules.prefix(from.modules.count))
        guard Array(prefix.dropLast()) == Array(from.modules.dropLast()), prefix.last?.name == last.name else { return nil }
        let single = last.key != nil || toLast.key != nil
        if single && prefix.last?.key != last.key { return nil }
        var renamed = to.modules
        if !single { renamed[renamed.count - 1].key = prefix.last?.key }
        return ResourceAddress(modules: renamed + modules.dropFirst(from.modules.count), resource: resource)
    }
}

/// The few tokens of an address: names, dots and `[0]` / `["key"]` indexes.
private struct AddressReader {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[at] }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        at += 1
        return true
    }

    /// A Terraform identifier: letters, digits, `_` and `-`, not starting with a digit.
    mutating func name() -> String? {
        let start = at
        while let b = peek, b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39)
            || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7a) || b >= 0x80
        {
            at += 1
        }
        guard at > start, !(bytes[start] >= 0x30 && bytes[start] <= 0x39) else { return nil }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    mutating func index() -> ResourceIndex? {
        guard take(UInt8(ascii: "[")) else { return nil }
        if peek == UInt8(ascii: "\"") {
            let start = at
            at += 1
            while let b = peek, b != UInt8(ascii: "\"") { at += b == UInt8(ascii: "\\") ? 2 : 1 }
            guard take(UInt8(ascii: "\"")), take(UInt8(ascii: "]")),
                case .string(let key)? = try? JSONParser.parse(String(decoding: bytes[start..<at - 1], as: UTF8.self))
            else { return nil }
            return .string(key)
        }
        let start = at
        while let b = peek, b >= 0x30 && b <= 0x39 { at += 1 }
        guard at > start, let number = Int(String(decoding: bytes[start..<at], as: UTF8.self)), take(UInt8(ascii: "]")) else {
            return nil
        }
        return .int(number)
    }
}
