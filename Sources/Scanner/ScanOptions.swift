/// The AWS services a snapshot can cover, named as on the command line (`--services ec2,s3`).
public enum AWSService: String, CaseIterable, Sendable {
    case ec2, s3, dynamodb
}

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
    /// Per-bucket and per-table calls in flight at once, per service.
    public var concurrency = 16
    /// Restrict DescribeInstances to these ids (`drift check`); unknown ids are simply not found.
    public var instanceIDs: [String]? = nil
    /// Restrict DescribeInstances to instances with this `Name` tag (`drift check web-1`).
    public var instanceNameTag: String? = nil
    /// Read only these buckets, without ListBuckets; a bucket that does not exist is left out.
    public var bucketNames: [String]? = nil
    /// Read only these tables, without ListTables; a table that does not exist is left out.
    public var tableNames: [String]? = nil
    /// Read only the bucket settings behind these split types (`aws_s3_bucket_policy`, ...); `nil`
    /// reads all nine. Tags are always read. `drift scan` passes the split types its baseline
    /// declares: a setting no file declares cannot drift, and skipping it saves a call per bucket.
    public var bucketSettingTypes: Set<String>? = nil
    /// Table arguments that matter (`point_in_time_recovery`, `ttl`, ...); `nil` reads everything.
    /// `drift scan` passes what its baseline's tables declare: both blocks are optional+computed,
    /// so when no file sets them they cannot drift and their per-table calls are skipped.
    public var tableArguments: Set<String>? = nil
    /// `aws_instance` arguments that matter; `nil` reads everything. `drift scan` passes what its
    /// baseline's instances declare: `root_block_device`, `ebs_block_device` and
    /// `credit_specification` are optional+computed, so when no file sets them they cannot drift,
    /// and their calls (DescribeVolumes; DescribeInstanceTypes and
    /// DescribeInstanceCreditSpecifications) are skipped and named in `omitted`.
    public var instanceArguments: Set<String>? = nil
    /// `MaxResults` of DescribeInstances (5...1000). Smaller pages only make tests page.
    public var instancePageSize = 1000
    /// `Limit` of ListTables (1...100); `nil` lets the service choose (100).
    public var tablePageSize: Int? = nil

    public init() {}
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
