import AWSClient
import DriftModel

/// Reads DynamoDB tables: ListTables pages, DescribeTable per table, then per table the three
/// calls the provider makes too (continuous backups, TTL, tags), all through bounded groups.
struct DynamoDBCollector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker

    enum Extra: String, CaseIterable, Sendable {
        case backups = "DescribeContinuousBackups"
        case ttl = "DescribeTimeToLive"
        case tags = "ListTagsOfResource"

        /// The key every answer of this call has; an answer without it is malformed, never "off".
        var answerKey: String {
            switch self {
            case .backups: return "ContinuousBackupsDescription"
            case .ttl: return "TimeToLiveDescription"
            case .tags: return "Tags"
            }
        }

        /// The calls to make with these options: tags always, the others unless the registry's
        /// skippable calls of `aws_dynamodb_table` leave them out.
        static func selected(by options: ScanOptions) -> [Extra] {
            allCases.filter { options.makes($0.rawValue, of: "aws_dynamodb_table") }
        }
    }

    func collect() async throws -> CollectorResult {
        let names: [String]
        if let given = options.tableNames { names = given } else { names = try await listTables() }
        var result = CollectorResult()
        tracker.phase("dynamodb: describing \(names.count) tables")
        let client = self.client
        let described = await boundedMap(names, limit: options.concurrency) { name -> Result<Value, AWSError>? in
            do { return .success(try await client.dynamodb("DescribeTable", ["TableName": .string(name)], resource: name, keys: ["Table"])) } catch {
                let error = error.asAWSError
                return error.code == "ResourceNotFoundException" ? nil : .failure(error)
            }
        }
        var tables: [(name: String, attributes: [String: Value])] = []
        for (name, answer) in zip(names, described) {
            switch answer {
            case .none: continue  // does not exist (any more)
            case .failure(let error)?:
                result.errors.append(ReadError(error, service: .dynamodb, operation: "DescribeTable", resource: name))
            case .success(let value)?:
                if let attributes = DynamoDBNormalizer.table(value) {
                    tables.append((name, attributes))
                } else {
                    result.errors.append(.malformed(service: .dynamodb, operation: "DescribeTable", resource: name, "no Table in the answer"))
                }
            }
        }
        tracker.phase("dynamodb: reading \(tables.count) tables")
        let extras = Extra.selected(by: options)
        let work = tables.flatMap { table in extras.map { (table: table, extra: $0) } }
        let answers = await boundedMap(work, limit: options.concurrency) { item -> Result<Value, AWSError> in
            do { return .success(try await DynamoDBCollector.read(client, item.extra, table: item.table)) } catch {
                return .failure(error.asAWSError)
            }
        }
        for (index, table) in tables.enumerated() {
            var attributes = table.attributes
            for (offset, extra) in extras.enumerated() {
                switch answers[index * extras.count + offset] {
                case .failure(let error):
                    if error.code == "ResourceNotFoundException" { continue }
                    result.errors.append(ReadError(error, service: .dynamodb, operation: extra.rawValue, resource: table.name))
                case .success(let value):
                    switch extra {
                    case .backups: attributes["point_in_time_recovery"] = DynamoDBNormalizer.pointInTimeRecovery(value)
                    case .ttl: attributes["ttl"] = DynamoDBNormalizer.ttl(value)
                    case .tags: attributes["tags"] = value
                    }
                }
            }
            result.resources.append(LiveResource(type: "aws_dynamodb_table", id: table.name, attributes: attributes))
        }
        tracker.found(result.resources.count)
        return result
    }

    /// One of the three follow-up reads; tags come back already as the provider's map.
    static func read(_ client: AWSClient, _ extra: Extra, table: (name: String, attributes: [String: Value])) async throws -> Value {
        switch extra {
        case .backups, .ttl:
            return try await client.dynamodb(
                extra.rawValue, ["TableName": .string(table.name)], resource: table.name, keys: [extra.answerKey])
        case .tags:
            guard let arn = table.attributes["arn"] else { return .object([:]) }
            var pairs: [(key: String, value: String)] = []
            var token: String? = nil
            var seen = Set<String>()
            repeat {
                var payload: [String: Value] = ["ResourceArn": arn]
                if let token { payload["NextToken"] = .string(token) }
                let page = DynamoDBNormalizer.tagPage(try await client.dynamodb(extra.rawValue, .object(payload), resource: table.name, keys: [extra.answerKey]))
                pairs += page.tags
                if let next = page.nextToken, !seen.insert(next).inserted { break }
                token = page.nextToken
            } while token != nil
            return Tags.value(pairs)
        }
    }

    /// ListTables, following `LastEvaluatedTableName` with `ExclusiveStartTableName`.
    func listTables() async throws -> [String] {
        var names: [String] = []
        var last: String? = nil
        repeat {
            var payload: [String: Value] = [:]
            if let limit = options.tablePageSize { payload["Limit"] = .number(Double(min(100, max(1, limit)))) }
            if let last { payload["ExclusiveStartTableName"] = .string(last) }
            let answer: Value
            do { answer = try await client.dynamodb("ListTables", .object(payload), keys: ["TableNames"]) } catch {
                throw ScanError.listingFailed(service: .dynamodb, operation: "ListTables", underlying: error.asAWSError)
            }
            guard answer["TableNames"]?.arrayValue != nil else {
                throw ScanError.malformedListing(service: .dynamodb, operation: "ListTables", root: "no TableNames")
            }
            let page = DynamoDBNormalizer.tablePage(answer)
            names += page.names
            if let next = page.last, next == last {
                throw ScanError.malformedListing(service: .dynamodb, operation: "ListTables", root: "repeated LastEvaluatedTableName")
            }
            last = page.last
            tracker.phase("dynamodb: \(names.count) tables listed")
        } while last != nil
        return names
    }
}
