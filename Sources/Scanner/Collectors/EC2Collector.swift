import AWSClient
import DriftModel

/// Reads EC2 instances: DescribeInstances pages of up to 1,000 (so N instances cost ⌈N/1000⌉ calls),
/// their volumes in a few batched DescribeVolumes calls and their CPU credits in batched calls (each
/// skipped when no declaration needs them: `ScanOptions.skippedCalls`), and the per-instance attributes
/// only when asked.
struct EC2Collector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker

    /// Volume ids per DescribeVolumes call: filter values are limited to 200 per filter.
    static let volumeBatch = 200

    /// One instance once its page is read: its resource without the device blocks and credits, and
    /// the few children those are made from (`EC2Normalizer.deviceView`). Keeping this rather than
    /// the item keeps the listing's memory at one page's tree plus a small part per instance.
    struct ListedInstance: Sendable {
        var resource: LiveResource
        var devices: XMLTree
    }

    func collect() async throws -> CollectorResult {
        if let ids = options.instanceIDs, ids.isEmpty { return CollectorResult() }
        tracker.phase("ec2: listing instances")
        let instances = try await listInstances()
        var result = CollectorResult()
        let readsVolumes = Self.readsVolumes(options)
        // Volumes and credits are independent of each other: asked for together.
        async let volumeAnswer = readsVolumes
            ? describeVolumes(Self.unique(instances.flatMap { EC2Normalizer.volumeIDs($0.devices) })) : ([:], [:])
        async let creditAnswer = Self.readsCredits(options) ? creditSpecifications(instances.map(\.devices)) : CreditAnswer()
        let (volumes, volumeErrors) = await volumeAnswer
        let credits = await creditAnswer
        result.resources.reserveCapacity(instances.count)
        for instance in instances {
            var resource = instance.resource
            let id = resource.id
            // Without its volumes the device blocks are unknown, not absent: say so, describe neither.
            let volumeError = EC2Normalizer.volumeIDs(instance.devices).lazy.compactMap { volumeErrors[$0] }.first
            if let volumeError {
                result.errors.append(ReadError(volumeError, service: .ec2, operation: "DescribeVolumes", resource: id))
            }
            if let creditError = credits.errors[id] { result.errors.append(creditError) }
            if let credit = credits.values[id] { resource.attributes["credit_specification"] = credit }
            if readsVolumes, volumeError == nil {
                resource.attributes.merge(EC2Normalizer.deviceAttributes(instance.devices, volumes: volumes)) { $1 }
            }
            result.resources.append(resource)
        }
        tracker.found(result.resources.count, phase: "ec2: \(result.resources.count) instances")
        if options.instanceAttributes == .all, !result.resources.isEmpty {
            let names = Set(EC2Normalizer.perInstanceAttributes.keys)
            let (values, errors) = await Scanner.readInstanceAttributes(
                client: client, ids: result.resources.map(\.id), names: names, concurrency: options.concurrency)
            for index in result.resources.indices {
                for (name, value) in values[result.resources[index].id] ?? [:] {
                    result.resources[index].attributes[name] = value
                }
            }
            result.errors += errors
        }
        return result
    }

    /// Every page, NextToken always followed: moto pages by reservation, AWS by instance.
    func listInstances() async throws -> [ListedInstance] {
        var parameters = ["MaxResults": String(min(1000, max(5, options.instancePageSize)))]
        var filter = 1
        func addFilter(_ name: String, _ values: [String]) {
            parameters["Filter.\(filter).Name"] = name
            for (i, value) in values.enumerated() { parameters["Filter.\(filter).Value.\(i + 1)"] = value }
            filter += 1
        }
        addFilter("instance-state-name", ["pending", "running", "stopping", "stopped"])
        // Filters rather than InstanceId.N: an unknown id is simply not found instead of failing the call.
        if let ids = options.instanceIDs { addFilter("instance-id", ids) }
        if let name = options.instanceNameTag { addFilter("tag:Name", [name]) }
        var instances: [ListedInstance] = []
        var token: String? = nil
        var seenTokens = Set<String>()
        var pageSize = min(1000, max(5, options.instancePageSize))
        while true {
            var page = parameters
            page["MaxResults"] = String(pageSize)
            if let token { page["NextToken"] = token }
            let tree: XMLTree
            do { tree = try await client.ec2("DescribeInstances", page, children: ["reservationSet"]) } catch {
                let error = error.asAWSError
                // A page that still cannot be read after the retries (cut off by a proxy's size
                // limit, say) is asked for again in halves, down to the API's minimum of 5.
                if error.code == "MalformedResponse", pageSize > 5 {
                    pageSize = max(5, pageSize / 2)
                    tracker.phase("ec2: page unreadable, asking for \(pageSize) instances per page")
                    continue
                }
                throw ScanError.listingFailed(service: .ec2, operation: "DescribeInstances", underlying: error)
            }
            guard tree.name == "DescribeInstancesResponse" else {
                throw ScanError.malformedListing(service: .ec2, operation: "DescribeInstances", root: tree.name)
            }
            let (items, next) = EC2Normalizer.page(tree)
            for item in items where EC2Normalizer.isLive(item) {
                guard let resource = EC2Normalizer.resource(item, volumes: nil) else { continue }
                instances.append(ListedInstance(resource: resource, devices: EC2Normalizer.deviceView(item)))
            }
            tracker.phase("ec2: \(instances.count) instances listed")
            if let next, !seenTokens.insert(next).inserted {
                throw ScanError.malformedListing(service: .ec2, operation: "DescribeInstances", root: "repeated NextToken")
            }
            guard let next else { break }
            token = next
        }
        return instances
    }

    static func readsVolumes(_ options: ScanOptions) -> Bool {
        options.makes("DescribeVolumes", of: "aws_instance")
    }

    static func readsCredits(_ options: ScanOptions) -> Bool {
        options.makes("DescribeInstanceCreditSpecifications", of: "aws_instance")
    }

    /// Ids in first-seen order without repeats (a multi-attach volume is mapped by several instances).
    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Every mapped EBS volume by id, in batches through the bounded group; a failed batch is
    /// reported per instance.
    func describeVolumes(_ ids: [String]) async -> (volumes: [String: XMLTree], errors: [String: AWSError]) {
        if ids.isEmpty { return ([:], [:]) }
        let batches = Self.batches(ids, size: Self.volumeBatch)
        let answers = await boundedMap(batches, limit: options.concurrency) { [client] batch in
            var parameters = Self.numbered("Filter.1.Value", batch)
            parameters["Filter.1.Name"] = "volume-id"
            parameters["MaxResults"] = "1000"
            return await Self.pagedItems(client, "DescribeVolumes", parameters, items: "volumeSet/item")
        }
        var volumes: [String: XMLTree] = [:]
        var errors: [String: AWSError] = [:]
        for (batch, answer) in zip(batches, answers) {
            switch answer {
            case .success(let items): volumes.merge(EC2Normalizer.volumes(items)) { $1 }
            case .failure(let error): for id in batch { errors[id] = error }
            }
        }
        return (volumes, errors)
    }
}
