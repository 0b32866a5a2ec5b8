import AWSClient
import DriftModel
import Foundation

/// Reads S3 buckets: ListBuckets (continuation followed only when S3 returns a token), each bucket's
/// region, then the nine setting calls per bucket of the scanned region (and per named bucket of any
/// region, asked in its own region), all through one bounded group.
struct S3Collector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker

    /// One setting call's outcome: a document, "not configured", the bucket vanished, or a failure.
    enum Outcome: Sendable {
        /// The answer's body, and its document when the operation answers in XML (already checked
        /// to be the operation's own document).
        case body(Data, XMLTree?)
        case notConfigured
        case bucketGone
        case failed(AWSError)
    }

    func collect() async throws -> CollectorResult {
        var names: [String]
        var buckets: [(name: String, region: String)] = []
        if let given = options.bucketNames {
            names = given
        } else if options.allRegions {
            names = try await listBuckets().filter { !options.bucketsElsewhere.contains($0) }
        } else {
            // The region's own buckets from ListBuckets' `bucket-region` filter, checked against a
            // second region's (a bucket lives in one region, so the two lists share no name unless
            // the filter was ignored); only buckets of other regions that a file declares are
            // then located one by one. Without a trustworthy filter, every bucket is located.
            async let every = listBuckets()
            async let split = regionFilter()
            names = try await every.filter { !options.bucketsElsewhere.contains($0) }
            if let inRegion = await split {
                buckets = names.filter(inRegion.contains).map { ($0, self.client.region) }
                names = names.filter { !inRegion.contains($0) && options.bucketsAnyRegion.contains($0) }
            }
        }
        var result = CollectorResult()
        tracker.phase("s3: locating \(names.count) buckets")
        let client = self.client
        let locations = await boundedMap(names, limit: options.concurrency, tracker: tracker) { name -> Outcome in
            await S3Collector.call(
                client,
                S3Request(operation: "GetBucketLocation", bucket: name, query: ["location": ""], expected: S3Normalizer.locationAnswer),
                notConfigured: [])
        }
        for (name, outcome) in zip(names, locations) {
            switch outcome {
            case .body(_, let document):
                guard let tree = document else {
                    result.errors.append(.malformed(service: .s3, operation: "GetBucketLocation", resource: name, "not XML"))
                    continue
                }
                let region = S3Normalizer.region(tree)
                if options.allRegions || region == client.region || options.bucketsAnyRegion.contains(name) {
                    buckets.append((name, region))
                }
            case .notConfigured, .bucketGone: continue
            case .failed(let error):
                result.errors.append(ReadError(error, service: .s3, operation: "GetBucketLocation", resource: name))
            }
        }
        tracker.phase("s3: reading \(buckets.count) buckets")
        let settings = S3Normalizer.settings(for: options.reads)
        let work = buckets.flatMap { bucket in settings.map { (bucket: bucket, setting: $0) } }
        let outcomes = await boundedMap(work, limit: options.concurrency, tracker: tracker) { item -> Outcome in
            let request = S3Request(
                operation: item.setting.operation, bucket: item.bucket.name, query: [item.setting.query: ""],
                region: item.bucket.region, expected: item.setting.expected)
            return await S3Collector.call(client, request, notConfigured: item.setting.notConfigured)
        }
        let perBucket = settings.count
        for (index, bucket) in buckets.enumerated() {
            let answers = Array(outcomes[(index * perBucket)..<((index + 1) * perBucket)])
            let (resources, errors) = assemble(
                bucket: bucket.name, region: bucket.region, settings: settings, answers: answers)
            result.resources += resources
            result.errors += errors
            tracker.found(resources.count)
        }
        return result
    }

    /// The split resources of one bucket from the answers to `settings`, in that order.
    func assemble(
        bucket: String, region: String, settings: [S3Normalizer.Setting], answers: [Outcome]
    ) -> ([LiveResource], [ReadError]) {
        if answers.contains(where: { if case .bucketGone = $0 { return true } else { return false } }) {
            return ([], [])  // deleted while we read it: it no longer exists
        }
        var resources: [LiveResource] = []
        var errors: [ReadError] = []
        var tagging: XMLTree? = nil
        var tagsUnreadable = false
        for (setting, answer) in zip(settings, answers) {
            switch answer {
            case .notConfigured, .bucketGone: continue
            case .failed(let error):
                errors.append(ReadError(error, service: .s3, operation: setting.operation, resource: bucket))
                if setting.operation == "GetBucketTagging" { tagsUnreadable = true }
            case .body(let data, let document):
                if setting.operation == "GetBucketTagging" {
                    if let document { tagging = document } else {
                        errors.append(.malformed(service: .s3, operation: setting.operation, resource: bucket, "not XML"))
                        tagsUnreadable = true
                    }
                    continue
                }
                do {
                    resources += try S3Normalizer.resources(setting, bucket: bucket, body: data, document: document)
                } catch {
                    errors.append(.malformed(service: .s3, operation: setting.operation, resource: bucket, "\(error)"))
                }
            }
        }
        var bucketResource = S3Normalizer.bucket(bucket, region: region, tagging: tagging)
        // Unreadable tags are unknown, not empty: leave them out and let `errors` say why.
        if tagsUnreadable { bucketResource.attributes["tags"] = nil }
        resources.insert(bucketResource, at: 0)
        return (resources, errors)
    }

    /// The names of the scanned region's buckets, when ListBuckets' `bucket-region` filter can be
    /// trusted: the region's list and another region's share no bucket, and every `BucketRegion`
    /// S3 gives is the one asked for. `nil` (locate every bucket instead) when either listing
    /// fails or the filter was ignored.
    func regionFilter() async -> Set<String>? {
        let region = client.region
        let other = region == "us-west-2" ? "us-east-1" : "us-west-2"
        async let here = try? listBucketEntries(filter: ["bucket-region": region])
        async let there = try? listBucketEntries(filter: ["bucket-region": other])
        guard let here = await here, let there = await there else { return nil }
        let names = Set(here.map(\.name))
        guard names.isDisjoint(with: there.map(\.name)),
            here.allSatisfy({ $0.region == nil || $0.region == region }),
            there.allSatisfy({ $0.region == nil || $0.region == other })
        else { return nil }
        return names
    }

    /// ListBuckets; S3 returns a continuation token only when it pages, and only then is it sent back.
    func listBuckets() async throws -> [String] {
        try await listBucketEntries(filter: [:]).map(\.name)
    }

    /// ListBuckets with `filter` (`bucket-region`) on every page: each bucket's name, and its
    /// `BucketRegion` when S3 says it.
    func listBucketEntries(filter: [String: String]) async throws -> [(name: String, region: String?)] {
        var names: [(name: String, region: String?)] = []
        var token: String? = nil
        var seen = Set<String>()
        repeat {
            var query = filter
            if let token { query["continuation-token"] = token }
            let request = S3Request(operation: "ListBuckets", query: query, expected: S3Normalizer.listAnswer)
            let tree: XMLTree
            do { tree = try await client.s3Document(request) } catch {
                throw ScanError.listingFailed(service: .s3, operation: "ListBuckets", underlying: error.asAWSError)
            }
            guard tree.name == "ListAllMyBucketsResult" else {
                throw ScanError.malformedListing(service: .s3, operation: "ListBuckets", root: tree.name)
            }
            let page = S3Normalizer.bucketPage(tree)
            names += page.entries
            if let next = page.continuationToken, !seen.insert(next).inserted {
                throw ScanError.malformedListing(service: .s3, operation: "ListBuckets", root: "repeated ContinuationToken")
            }
            token = page.continuationToken
            tracker.phase("s3: \(names.count) buckets listed")
        } while token != nil
        return names
    }

    static func call(_ client: AWSClient, _ request: S3Request, notConfigured: Set<String>) async -> Outcome {
        do {
            let answer = try await client.s3Answer(request)
            return .body(answer.response.body, answer.document)
        } catch {
            let error = error.asAWSError
            if notConfigured.contains(error.code) { return .notConfigured }
            if error.code == "NoSuchBucket" { return .bucketGone }
            return .failed(error)
        }
    }
}
