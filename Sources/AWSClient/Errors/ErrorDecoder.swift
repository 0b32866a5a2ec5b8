import DriftModel
import Foundation

/// Turns a non-2xx answer into an `AWSError`, whatever shape the service used.
///
/// - EC2: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`
/// - S3: `<Error><Code/><Message/><RequestId/></Error>` (HEAD answers have no body at all)
/// - STS/IAM: `<ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>`
/// - DynamoDB: `{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "..."}`
///
/// An unreadable body never hides the failure: the code then comes from the HTTP status.
public enum ErrorDecoder {
    public static func decode(
        _ response: AWSResponse, service: String, operation: String, resource: String? = nil
    ) -> AWSError {
        var code: String?
        var message: String?
        var requestID = response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]
        let body = response.body
        let firstByte = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "{") {
            if let json = try? JSONParser.parse(bytes: Array(body)) {
                if let type = json["__type"]?.stringValue ?? json["code"]?.stringValue ?? json["Code"]?.stringValue {
                    code = type.split(separator: "#").last.map(String.init) ?? type
                }
                message = json["message"]?.stringValue ?? json["Message"]?.stringValue
            }
        } else if firstByte == UInt8(ascii: "<"), let tree = try? XMLTree.parse(body) {
            let error = tree.at("Errors/Error") ?? tree.child("Error") ?? (tree.name == "Error" ? tree : nil)
            code = error?.string("Code")
            message = error?.string("Message")
            requestID = requestID ?? tree.string("RequestID") ?? tree.string("RequestId")
        }
        if let found = response.headers["x-amzn-errortype"], code == nil {
            code = found.split(separator: ":").first.map(String.init)
        }
        let finalCode = (code?.isEmpty == false ? code : nil) ?? fallbackCode(status: response.status)
        let finalMessage = message ?? (body.isEmpty ? "HTTP \(response.status) with an empty body" : "")
        return AWSError(
            service: service, operation: operation, resource: resource, code: finalCode, message: finalMessage,
            httpStatus: response.status, requestID: requestID,
            retryClass: RetryPolicy.retryClass(code: finalCode, httpStatus: response.status))
    }

    /// What S3 HEAD answers and bodiless proxies mean, by status.
    static func fallbackCode(status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 307: return "TemporaryRedirect"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 429: return "TooManyRequestsException"
        case 500: return "InternalError"
        case 503: return "ServiceUnavailable"
        default: return "HTTP\(status)"
        }
    }
}
