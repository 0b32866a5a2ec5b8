import DriftModel
import Foundation
import SigV4

extension AWSClient {
    /// EC2 Query API (POST form, `Version=2016-11-15`); returns the response document's root,
    /// `<Action>Response`, with every child in `children` (e.g. `reservationSet`). Any other 2xx
    /// body is retried like a 5xx, then thrown as `MalformedResponse`.
    public func ec2(_ action: String, _ parameters: [String: String], resource: String? = nil, children: [String] = [])
        async throws -> XMLTree
    {
        try await queryDocument(.ec2, action, version: "2016-11-15", parameters, resource: resource, children: children)
    }

    /// STS Query API (`Version=2011-06-15`); returns the root, `<Action>Response`.
    public func sts(_ action: String, _ parameters: [String: String]) async throws -> XMLTree {
        try await queryDocument(.sts, action, version: "2011-06-15", parameters, resource: nil, children: [])
    }

    func queryDocument(
        _ service: AWSService, _ action: String, version: String, _ parameters: [String: String], resource: String?,
        children: [String]
    ) async throws -> XMLTree {
        let expected = ExpectedAnswer.xml(roots: [action + "Response"], children: children)
        let answer = try await query(service, action, version: version, parameters, resource: resource) {
            response throws(MalformedAnswer) in try expected.check(response.body)
        }
        guard let tree = answer.value ?? nil else {
            throw AWSError(service: service.rawValue, operation: action, resource: resource, code: "MalformedResponse", message: "no document")
        }
        return tree
    }

    /// DynamoDB JSON 1.0 (`X-Amz-Target: DynamoDB_20120810.<operation>`); returns the decoded body,
    /// which must be a JSON object with every key in `keys` (`Table` for DescribeTable, ...): any
    /// other 2xx body is retried like a 5xx, then thrown as `MalformedResponse`.
    public func dynamodb(_ operation: String, _ payload: Value, resource: String? = nil, keys: [String] = [])
        async throws -> Value
    {
        let request = PreparedRequest(
            service: .dynamodb, operation: operation, resource: resource, method: "POST",
            baseURL: configuration.endpoints.baseURL(.dynamodb, region: region), path: "/",
            headers: [
                "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.\(operation)",
            ],
            body: Array(payload.canonicalJSON().utf8))
        let answer = try await perform(request, region: region) { response throws(MalformedAnswer) -> Value in
            let value = try ExpectedAnswer.json(response.body)
            guard case .object(let object) = value else { throw MalformedAnswer("the body is not a JSON object") }
            if let missing = keys.first(where: { object[$0] == nil }) { throw MalformedAnswer("no \(missing) in the answer") }
            return value
        }
        guard let value = answer.value else {
            throw AWSError(service: "dynamodb", operation: operation, resource: resource, code: "MalformedResponse", message: "no document")
        }
        return value
    }

    /// The Query protocol shared by EC2 and STS: a form-encoded POST to `/`.
    func query<T: Sendable>(
        _ service: AWSService, _ action: String, version: String, _ parameters: [String: String], resource: String?,
        decode: (AWSResponse) throws(MalformedAnswer) -> T
    ) async throws -> (response: AWSResponse, value: T?) {
        var items = [SigV4Request.QueryItem("Action", action), SigV4Request.QueryItem("Version", version)]
        items += parameters.map { SigV4Request.QueryItem($0.key, $0.value) }
        let request = PreparedRequest(
            service: service, operation: action, resource: resource, method: "POST",
            baseURL: configuration.endpoints.baseURL(service, region: region), path: "/",
            headers: ["content-type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Array(SigV4.canonicalQueryString(items).utf8))
        return try await perform(request, region: region, decode: decode)
    }
}
