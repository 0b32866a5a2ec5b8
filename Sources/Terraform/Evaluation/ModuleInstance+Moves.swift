import DriftModel
import HCL

extension ModuleInstance {
    /// Hands this module instance's `moved` blocks to the session as absolute addresses (a child
    /// module's endpoints are relative to its instance). An endpoint that is not a static address
    /// is left alone here: the configuration checks report it.
    func recordMoves() {
        guard !config.moves.isEmpty || !config.removals.isEmpty else { return }
        let prefix = address.flatMap(ResourceAddress.init(parsing:))?.modules ?? []
        // `removed { from = ...  lifecycle { destroy = false } }`: forgotten, not destroyed.
        let kept = config.removals.compactMap { block -> ResourceAddress? in
            guard let lifecycle = block.body.blocks(ofType: "lifecycle").first,
                case .literal(.bool(false))? = lifecycle.body.attribute("destroy")?.expression.kind
            else { return nil }
            return Self.endpoint(block.body.attribute("from"), prefix: prefix)
        }
        if !kept.isEmpty { session.addForgotten(kept) }
        var moves: [MoveStatement] = []
        for block in config.moves {
            guard let from = Self.endpoint(block.body.attribute("from"), prefix: prefix),
                let to = Self.endpoint(block.body.attribute("to"), prefix: prefix)
            else { continue }
            moves.append(MoveStatement(from: from, to: to, source: block.declRange.description))
        }
        session.addMoves(moves)
    }

    /// `aws_instance.a`, `aws_instance.a[0]`, `module.m["k"]`, `module.m.aws_instance.a` as an
    /// address under `prefix`; `nil` for anything else (data sources are never moved in state).
    static func endpoint(_ attribute: Attribute?, prefix: [ResourceAddress.Step]) -> ResourceAddress? {
        guard let traversal = attribute?.expression.asTraversal else { return nil }
        var names = [traversal.root]
        var keys: [ResourceIndex?] = [nil]
        for step in traversal.steps {
            switch step {
            case .attribute(let name):
                names.append(name)
                keys.append(nil)
            case .index(let value):
                guard keys.count > 0, keys[keys.count - 1] == nil, let key = index(value) else { return nil }
                keys[keys.count - 1] = key
            }
        }
        // Pairs of names: (`module`, NAME) steps, then at most one (TYPE, NAME).
        guard names.count % 2 == 0 else { return nil }
        var address = ResourceAddress(modules: prefix)
        var i = 0
        while i < names.count {
            guard keys[i] == nil, address.resource == nil else { return nil }
            if names[i] == "module" {
                address.modules.append(ResourceAddress.Step(name: names[i + 1], key: keys[i + 1]))
            } else {
                guard names[i] != "data" else { return nil }
                address.resource = ResourceAddress.Resource(type: names[i], name: names[i + 1], key: keys[i + 1])
            }
            i += 2
        }
        return address
    }

    private static func index(_ value: HCLValue) -> ResourceIndex? {
        switch ValueConverter.convert(value, schema: nil) {
        case .string(let key): return .string(key)
        case .number(let n):
            guard let i = Int(exactly: n) else { return nil }
            return .int(i)
        default: return nil
        }
    }
}
