import DriftModel
import Foundation
import SigV4

extension AWSClient {
    /// EC2 Query API (POST form, `Version=2016-11-15`); returns the response document's root,
    /// e.g. `DescribeInstancesResponse`.
    public func ec2(_ action: String, _ parameters: [String: String], resource: String? = nil) async throws -> XMLTree {
        let response = try await query(.ec2, action, version: "2016-11-15", parameters, resource: resource)
        return try response.xml(service: AWSService.ec2.rawValue, operation: action, resource: resource)
    }

    /// STS Query API (`Version=2011-06-15`); returns the root, e.g. `AssumeRoleResponse`.
    public func sts(_ action: String, _ parameters: [String: String]) async throws -> XMLTree {
        let response = try await query(.sts, action, version: "2011-06-15", parameters, resource: nil)
        return try response.xml(service: AWSService.sts.rawValue, operation: action)
    }

    /// DynamoDB JSON 1.0 (`X-Amz-Target: DynamoDB_20120810.<operation>`); returns the decoded body.
    public func dynamodb(_ operation: String, _ payload: Value, resource: String? = nil) async throws -> Value {
        let request = PreparedRequest(
            service: .dynamodb, operation: operation, resource: resource, method: "POST",
            baseURL: configuration.endpoints.baseURL(.dynamodb, region: region), path: "/",
            headers: [
                "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.\(operation)",
            ],
            body: Array(payload.canonicalJSON().utf8))
        let response = try await perform(request, region: region)
        do { return try JSONParser.parse(bytes: Array(response.body)) } catch {
            throw AWSError(
                service: AWSService.dynamodb.rawValue, operation: operation, resource: resource, code: "MalformedResponse",
                message: "the response body is not JSON: \(error.description)", httpStatus: response.status,
                requestID: response.headers["x-amzn-requestid"])
        }
    }

    /// The Query protocol shared by EC2 and STS: a form-encoded POST to `/`.
    func query(
        _ service: AWSService, _ action: String, version: String, _ parameters: [String: String], resource: String?
    ) async throws -> AWSResponse {
        var items = [SigV4Request.QueryItem("Action", action), SigV4Request.QueryItem("Version", version)]
        items += parameters.map { SigV4Request.QueryItem($0.key, $0.value) }
        let request = PreparedRequest(
            service: service, operation: action, resource: resource, method: "POST",
            baseURL: configuration.endpoints.baseURL(service, region: region), path: "/",
            headers: ["content-type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Array(SigV4.canonicalQueryString(items).utf8))
        return try await perform(request, region: region)
    }
}
