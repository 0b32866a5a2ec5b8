import DriftModel

/// The AWS services a snapshot can cover, named as on the command line (`--services ec2,s3`): the
/// registry's `ResourceType.Service`.
public typealias AWSService = ResourceType.Service

/// Which per-instance attributes (one `DescribeInstanceAttribute` call each, per instance) a scan fetches.
///
/// They are what makes a Terraform refresh slow, so a plain snapshot skips them and names them in
/// `Snapshot.omitted`; `drift scan` asks for them only for the instances whose baseline declares them.
public enum InstanceAttributeSelection: Sendable, Hashable {
    case none
    case all
}

/// What a `Scanner` reads and how hard it pushes the API.
public struct ScanOptions: Sendable {
    public var services: Set<AWSService> = Set(AWSService.allCases)
    public var instanceAttributes: InstanceAttributeSelection = .none
    /// Keep buckets of every region instead of only the client's.
    public var allRegions = false
    /// Buckets kept whatever region they live in, read from their own region (a bucket declared
    /// for this region that lives in another still exists: leaving it out would make it look
    /// deleted). `drift scan` passes the bucket names its baseline and state declare.
    public var bucketsAnyRegion: Set<String> = []
    /// Buckets not read at all: another target of the same account declares them and reads them
    /// in their own region (S3 names are global), so this one can neither compare them nor call
    /// them unmanaged. Saves their location and settings calls.
    public var bucketsElsewhere: Set<String> = []
    /// Per-bucket and per-table calls in flight at once, per service.
    public var concurrency = 16
    /// Restrict DescribeInstances to these ids (`drift check`); unknown ids are simply not found.
    public var instanceIDs: [String]? = nil
    /// Restrict DescribeInstances to instances with this `Name` tag (`drift check web-1`).
    public var instanceNameTag: String? = nil
    /// List only what hangs off one instance (`drift check`): the volumes attached to it, the
    /// addresses associated with it, its security groups and their rules, with the listings'
    /// own filters instead of the whole region. `nil`: the whole region.
    public var attachedTo: InstanceAttachments? = nil
    /// Read only these buckets, without ListBuckets; a bucket that does not exist is left out.
    public var bucketNames: [String]? = nil
    /// Read only these tables, without ListTables; a table that does not exist is left out.
    public var tableNames: [String]? = nil
    /// Per resource type, the arguments the baseline's declarations set
    /// (`ResourceType.declaredArguments(of:)`); `nil` reads every type and makes every call.
    /// `drift scan` passes its baseline's. A type no file declares is read only when it is
    /// inventoried (a live one may be unmanaged) and not in `silencedTypes`: a bucket setting no
    /// file declares cannot drift, and skipping it saves a call per bucket. A type's skippable
    /// calls (`ResourceType.skippableCalls`: an instance's DescribeVolumes, a table's
    /// DescribeTimeToLive, ...) are made only when some declaration sets one of their arguments.
    /// What is skipped is named in `Snapshot.omitted`.
    public var declaredArguments: [String: Set<String>]? = nil
    /// Types whose unmanaged findings `.driftignore` silences (`aws_key_pair.*`): when no file
    /// declares them either, nothing about them can be reported, so they are not read.
    public var silencedTypes: Set<String> = []
    /// Read only these types (`drift check` reads an instance and what hangs off it); `nil`: any.
    public var types: Set<String>? = nil
    /// `MaxResults` of DescribeInstances (5...1000). Smaller pages only make tests page.
    public var instancePageSize = 1000
    /// `Limit` of ListTables (1...100); `nil` lets the service choose (100).
    public var tablePageSize: Int? = nil

    public init() {}

    /// Whether a scan with these options reads `type` (its service selected, and needed).
    public func reads(_ type: ResourceType) -> Bool {
        services.contains(type.service) && (types?.contains(type.name) ?? true)
            && type.isRead(declared: declaredArguments, silenced: silencedTypes)
    }

    /// Whether it reads the type of that name.
    public func reads(_ name: String) -> Bool { ResourceType.named(name).map(reads) ?? false }

    /// The calls of `type` to leave out (none when `declaredArguments` is `nil`).
    public func skippedCalls(_ type: ResourceType) -> [ResourceType.SkippableCall] {
        guard let declaredArguments else { return [] }
        return type.skippedCalls(declared: declaredArguments[type.name] ?? [])
    }

    /// Whether the call `operation` of the type named `name` is made.
    public func makes(_ operation: String, of name: String) -> Bool {
        guard let type = ResourceType.named(name) else { return true }
        return !skippedCalls(type).contains { $0.operation == operation }
    }
}

/// One instance and its security groups, to narrow the listings of what hangs off it.
public struct InstanceAttachments: Sendable, Hashable {
    public var instanceID: String
    public var groupIDs: [String]

    public init(instanceID: String, groupIDs: [String]) {
        self.instanceID = instanceID
        self.groupIDs = groupIDs
    }

    /// The EC2 filter (name, values) that narrows `operation`'s listing to this instance; `nil`
    /// for a listing it does not narrow.
    func filter(for operation: String) -> (name: String, values: [String])? {
        switch operation {
        case "DescribeVolumes": return ("attachment.instance-id", [instanceID])
        case "DescribeAddresses": return ("instance-id", [instanceID])
        case "DescribeSecurityGroups", "DescribeSecurityGroupRules": return ("group-id", groupIDs)
        default: return nil
        }
    }

    /// `parameters` with that filter added (as `Filter.N`, after any already there).
    func narrowing(_ operation: String, _ parameters: [String: String]) -> [String: String] {
        guard let (name, values) = filter(for: operation) else { return parameters }
        var parameters = parameters
        var index = 1
        while parameters["Filter.\(index).Name"] != nil { index += 1 }
        parameters["Filter.\(index).Name"] = name
        for (i, value) in values.enumerated() { parameters["Filter.\(index).Value.\(i + 1)"] = value }
        return parameters
    }
}

/// A progress line's worth of numbers, sent while a scan runs (stderr on a TTY).
public struct ScanProgress: Sendable, Hashable {
    public var resourcesFound: Int
    public var requestsMade: Int
    public var retries: Int
    /// What the scanner is doing now, e.g. "s3: reading 50 buckets".
    public var phase: String
    /// Per-resource calls finished and planned so far (the total grows as listings reveal work).
    public var callsDone: Int
    public var callsPlanned: Int
    /// HTTP requests per service (`ec2`, `s3`, `dynamodb`, `sts`), retries included.
    public var requestsByService: [String: Int]

    public init(
        resourcesFound: Int, requestsMade: Int, retries: Int, phase: String, callsDone: Int = 0, callsPlanned: Int = 0,
        requestsByService: [String: Int] = [:]
    ) {
        self.resourcesFound = resourcesFound
        self.requestsMade = requestsMade
        self.retries = retries
        self.phase = phase
        self.callsDone = callsDone
        self.callsPlanned = callsPlanned
        self.requestsByService = requestsByService
    }

    /// The progress line's text: `s3: reading 50 buckets  120/400 calls  ec2 3 · s3 102 · dynamodb 15
    /// requests  45 resources` (and retries when there were any).
    public var line: String {
        var parts = [phase]
        if callsPlanned > 0 { parts.append("\(callsDone)/\(callsPlanned) calls") }
        let services = requestsByService.keys.sorted().map { "\($0) \(requestsByService[$0] ?? 0)" }
        parts.append((services.isEmpty ? "\(requestsMade)" : services.joined(separator: " · ")) + " requests")
        parts.append("\(resourcesFound) resources")
        if retries > 0 { parts.append("\(retries) retries") }
        return parts.joined(separator: "  ")
    }
}

extension ScanOptions {
    /// `AWSService` under a name that cannot clash: the AWSClient module declares its own
    /// `AWSService` (with `sts`), so a file importing both modules can write `ScanOptions.Service`.
    public typealias Service = AWSService
}
