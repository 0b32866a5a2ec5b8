import HCL

/// `cidrsubnet`, `cidrsubnets`, `cidrhost`, `cidrnetmask` for IPv4 and IPv6, with Terraform's
/// error messages for prefixes that cannot hold the requested subnet or host.
enum NetworkFunctions {
    static var all: [HCLFunction] { [cidrsubnet, cidrsubnets, cidrhost, cidrnetmask] }

    private static func network(_ args: FunctionArguments, _ index: Int) throws(FunctionError) -> IPNetwork {
        let text = try args.string(index)
        guard let network = IPNetwork.parse(text) else { throw args.fail(nil, "invalid CIDR expression: invalid CIDR address: \(text)") }
        return network
    }

    static let cidrsubnet = Builtin.function("cidrsubnet", ["prefix", "newbits", "netnum"]) { args throws(FunctionError) in
        let net = try network(args, 0)
        let newbits = try args.integer(1), netnum = try args.integer(2)
        guard newbits >= 0, newbits <= net.base.bits - net.prefix else {
            throw args.fail(nil, "insufficient address space to extend prefix of \(net.prefix) by \(newbits)")
        }
        let length = net.prefix + newbits
        if netnum < 0, net.base.bits == 32 {
            // go-cidr ORs the negative number in two's complement and keeps the magnitude's bytes.
            let magnitude = netnum == Int.min ? Int.max : -netnum
            let shifted = Int64(netnum) << Int64(32 - length)
            let combined = (Int64(net.network.low) | shifted).magnitude
            guard newbits >= 63 || magnitude < (1 << newbits), combined <= UInt64(UInt32.max) else {
                throw args.fail(nil, "prefix extension of \(newbits) does not accommodate a subnet numbered \(netnum)")
            }
            return .string("\(IPAddress(high: 0, low: combined, bits: 32).description)/\(length)")
        }
        guard netnum >= 0, newbits >= 63 || netnum < (1 << newbits) else {
            throw args.fail(nil, "prefix extension of \(newbits) does not accommodate a subnet numbered \(netnum)")
        }
        guard let address = net.network.adding(UInt64(netnum), shiftedBy: net.base.bits - length) else {
            throw args.fail(nil, "prefix extension of \(newbits) does not accommodate a subnet numbered \(netnum)")
        }
        return .string("\(address.description)/\(length)")
    }

    static let cidrhost = Builtin.function("cidrhost", ["prefix", "hostnum"]) { args throws(FunctionError) in
        let net = try network(args, 0)
        let requested = try args.integer(1)
        let hostBits = net.base.bits - net.prefix
        var hostnum = requested
        if hostnum < 0 {
            guard hostBits < 63 else { throw args.fail(nil, "prefix of \(net.prefix) does not accommodate a host numbered \(requested)") }
            hostnum += 1 << hostBits
        }
        guard hostnum >= 0, hostBits >= 63 || hostnum < (1 << hostBits),
            let address = net.network.adding(UInt64(hostnum), shiftedBy: 0)
        else {
            throw args.fail(nil, "prefix of \(net.prefix) does not accommodate a host numbered \(hostnum)")
        }
        return .string(address.description)
    }

    static let cidrnetmask = Builtin.function("cidrnetmask", ["prefix"]) { args throws(FunctionError) in
        let net = try network(args, 0)
        guard net.base.bits == 32 else {
            throw args.fail(nil, "IPv6 addresses cannot have a netmask: \(try args.string(0))")
        }
        let mask = IPAddress(high: 0, low: 0, bits: 32).withHostBits(32, set: true).withHostBits(32 - net.prefix, set: false)
        return .string(mask.description)
    }

    /// Consecutive subnets of the given extra prefix lengths, each starting after the previous one,
    /// as `cidr.NextSubnet` allocates them.
    static let cidrsubnets = Builtin.function("cidrsubnets", ["prefix"], variadic: "newbits") { args throws(FunctionError) in
        let net = try network(args, 0)
        let bits = net.base.bits
        var results: [HCLValue] = []
        var currentEnd: IPAddress?
        for index in 1..<max(args.count, 1) {
            let newbits = try args.integer(index)
            guard newbits >= 1 else { throw args.fail(index, "must extend prefix by at least one bit") }
            let length = newbits > bits ? bits + 1 : net.prefix + newbits
            guard length <= bits else {
                throw args.fail(index, "would extend prefix to \(length) bits, which is too long for an IPv\(bits == 32 ? 4 : 6) address")
            }
            let start: IPAddress?
            if let end = currentEnd {
                start = end.withHostBits(bits - length, set: true).adding(1, shiftedBy: 0)
            } else {
                start = net.network
            }
            guard let start, start.withHostBits(bits - net.prefix, set: false) == net.network else {
                let after = results.last.flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? "\(net.network.description)/\(net.prefix)"
                throw args.fail(index, "not enough remaining address space for a subnet with a prefix of \(length) bits after \(after)")
            }
            let subnet = start.withHostBits(bits - length, set: false)
            results.append(.string("\(subnet.description)/\(length)"))
            currentEnd = subnet.withHostBits(bits - length, set: true)
        }
        return .tuple(results)
    }
}
