import DriftModel
import Foundation

extension AWSClient {
    /// SSM on the JSON 1.1 protocol (`X-Amz-Target: AmazonSSM.<operation>`); returns the decoded
    /// body. Data sources read parameters with it (`aws_ssm_parameter`).
    public func ssm(_ operation: String, _ payload: Value, resource: String? = nil) async throws -> Value {
        let request = PreparedRequest(
            service: .ssm, operation: operation, resource: resource, method: "POST",
            baseURL: configuration.endpoints.baseURL(.ssm, region: region), path: "/",
            headers: ["content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.\(operation)"],
            body: Array(payload.canonicalJSON().utf8))
        let response = try await perform(request, region: region)
        do { return try JSONParser.parse(bytes: Array(response.body)) } catch {
            throw AWSError(
                service: AWSService.ssm.rawValue, operation: operation, resource: resource, code: "MalformedResponse",
                message: "the response body is not JSON: \(error.description)", httpStatus: response.status,
                requestID: response.headers["x-amzn-requestid"])
        }
    }
}
