/// A declared resource that was found live and compared, named as reports name it. Reports keep
/// the ones that came out in sync so that CI formats can count every compared resource as a
/// passing test, not only the failing ones.
public struct ComparedResource: Sendable, Hashable, Comparable {
    /// The Terraform address (`aws_instance.web[0]`).
    public var address: String
    public var type: String
    /// The live id.
    public var id: String?

    public init(address: String, type: String, id: String?) {
        self.address = address
        self.type = type
        self.id = id
    }

    public static func < (a: ComparedResource, b: ComparedResource) -> Bool {
        (a.address, a.type, a.id ?? "") < (b.address, b.type, b.id ?? "")
    }
}
