import AWSClient
import DriftModel

extension ReadError {
    /// A failed call for one resource, as the snapshot lists it.
    init(_ error: AWSError, service: AWSService, operation: String, resource: String?) {
        self.init(
            service: service.rawValue, operation: operation, resource: resource, code: error.code,
            message: ScanError.oneLine(error.message))
    }

    /// An answer that arrived but could not be understood.
    static func malformed(service: AWSService, operation: String, resource: String?, _ why: String) -> ReadError {
        ReadError(
            service: service.rawValue, operation: operation, resource: resource, code: "MalformedResponse",
            message: ScanError.oneLine(why))
    }
}

extension Error {
    /// Collectors only ever see `AWSError` from the client; anything else is wrapped, never lost.
    var asAWSError: AWSError {
        if let error = self as? AWSError { return error }
        return AWSError(service: "unknown", operation: "unknown", code: "InternalError", message: "\(self)")
    }
}
