import AWSClient
import DriftModel

extension EC2Collector {
    /// Instance types per DescribeInstanceTypes call (the API's limit).
    static let instanceTypeBatch = 100
    /// Instance ids per DescribeInstanceCreditSpecifications call (the API's limit).
    static let creditBatch = 1000

    /// What the credit calls said: `credit_specification` per instance id, or why it is unknown.
    struct CreditAnswer: Sendable {
        var values: [String: Value] = [:]
        var errors: [String: ReadError] = [:]
    }

    /// `credit_specification` as the provider reads it: only burstable types have CPU credits
    /// (DescribeInstanceTypes says which, one call per 100 distinct types), and their credits come
    /// from DescribeInstanceCreditSpecifications (one call per 1,000 instances). For any other
    /// type the provider reads nothing and keeps what the configuration said, so it never drifts:
    /// it is left undescribed (not compared), as it is on `UnsupportedOperation` (partitions
    /// without credit options, which the provider ignores). Any other failure is an error for
    /// each instance it covered, never drift: that instance's `credit_specification` stays
    /// undescribed.
    func creditSpecifications(_ instances: [XMLTree]) async -> CreditAnswer {
        var typeOf: [String: String] = [:]
        for instance in instances {
            if let id = instance.nonEmptyString("instanceId"), let type = instance.nonEmptyString("instanceType") {
                typeOf[id] = type
            }
        }
        if typeOf.isEmpty { return CreditAnswer() }
        var answer = CreditAnswer()
        let types = Array(Set(typeOf.values)).sorted()
        let typeBatches = Self.batches(types, size: Self.instanceTypeBatch)
        let typeAnswers = await boundedMap(typeBatches, limit: options.concurrency) { [client] batch in
            await Self.pagedItems(client, "DescribeInstanceTypes", Self.numbered("InstanceType", batch), items: "instanceTypeSet/item")
        }
        var burstable: [String: Bool] = [:]
        var typeErrors: [String: AWSError] = [:]
        for (batch, result) in zip(typeBatches, typeAnswers) {
            switch result {
            case .success(let items):
                burstable.merge(EC2Normalizer.burstableTypes(items)) { $1 }
            case .failure(let error): for type in batch { typeErrors[type] = error }
            }
        }
        var credited: [String] = []
        for (id, type) in typeOf.sorted(by: { $0.key < $1.key }) {
            if let error = typeErrors[type] {
                answer.errors[id] = ReadError(error, service: .ec2, operation: "DescribeInstanceTypes", resource: id)
            } else if burstable[type] == true {
                credited.append(id)
            } else if burstable[type] == nil {
                answer.errors[id] = .malformed(
                    service: .ec2, operation: "DescribeInstanceTypes", resource: id, "instance type \(type) not in the answer")
            }
        }
        let idBatches = Self.batches(credited, size: Self.creditBatch)
        let creditAnswers = await boundedMap(idBatches, limit: options.concurrency) { [client] batch in
            await Self.pagedItems(
                client, "DescribeInstanceCreditSpecifications", Self.numbered("InstanceId", batch),
                items: "instanceCreditSpecificationSet/item")
        }
        for (batch, result) in zip(idBatches, creditAnswers) {
            switch result {
            case .success(let items):
                let found = EC2Normalizer.creditSpecifications(items)
                for id in batch {
                    if let value = found[id] {
                        answer.values[id] = value
                    } else {
                        answer.errors[id] = .malformed(
                            service: .ec2, operation: "DescribeInstanceCreditSpecifications", resource: id, "instance not in the answer")
                    }
                }
            case .failure(let error) where error.code == "UnsupportedOperation":
                continue
            case .failure(let error):
                for id in batch {
                    answer.errors[id] = ReadError(error, service: .ec2, operation: "DescribeInstanceCreditSpecifications", resource: id)
                }
            }
        }
        return answer
    }

    /// `Name.1=a&Name.2=b...`: the Query protocol's list parameters.
    static func numbered(_ name: String, _ values: [String]) -> [String: String] {
        var parameters: [String: String] = [:]
        for (i, value) in values.enumerated() { parameters["\(name).\(i + 1)"] = value }
        return parameters
    }

    static func batches<T>(_ items: [T], size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min(items.count, $0 + size)]) }
    }

    /// The items of every page of one EC2 call, `NextToken` followed (a repeated token ends it as malformed).
    static func pagedItems(
        _ client: AWSClient, _ operation: String, _ parameters: [String: String], items path: String
    ) async -> Result<[XMLTree], AWSError> {
        var all: [XMLTree] = []
        var token: String? = nil
        var seen = Set<String>()
        do {
            repeat {
                var page = parameters
                if let token { page["NextToken"] = token }
                let set = path.split(separator: "/").first.map(String.init) ?? path
                let tree = try await client.ec2(operation, page, children: [set])
                all += tree.all(path)
                token = tree.nonEmptyString("nextToken")
                if let token, !seen.insert(token).inserted {
                    return .failure(AWSError(service: "ec2", operation: operation, code: "MalformedResponse", message: "repeated nextToken"))
                }
            } while token != nil
        } catch { return .failure(error.asAWSError) }
        return .success(all)
    }
}
