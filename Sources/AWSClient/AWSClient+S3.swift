import Crypto
import Foundation
import SigV4

extension AWSClient {
    /// One S3 REST call. 2xx answers are returned as they are (the caller reads `xml(...)` or the
    /// headers); any other status is decoded into `AWSError` and thrown.
    ///
    /// A bucket in another region answers 301 `PermanentRedirect` (or 400 with
    /// `x-amz-bucket-region`); the request is then signed again for that region and sent once more.
    ///
    /// A 2xx answer must be what `request.expected` says; one that is not is retried like a 5xx,
    /// then thrown as `MalformedResponse`.
    public func s3(_ request: S3Request) async throws -> AWSResponse {
        try await s3Answer(request).response
    }

    /// As `s3(_:)` for a request that expects an XML document: returns that document, parsed once.
    public func s3Document(_ request: S3Request) async throws -> XMLTree {
        let answer = try await s3Answer(request)
        guard let tree = answer.document else {
            throw AWSError(
                service: "s3", operation: request.operation, resource: AWSClient.s3Resource(request), code: "MalformedResponse",
                message: "no XML document", httpStatus: answer.response.status)
        }
        return tree
    }

    /// The answer and, when `request.expected` is XML, its checked document.
    public func s3Answer(_ request: S3Request) async throws -> (response: AWSResponse, document: XMLTree?) {
        let region = request.region ?? self.region
        let expected = request.expected
        let check = { (response: AWSResponse) throws(MalformedAnswer) -> XMLTree? in try expected.check(response.body) }
        let first = try await perform(s3Prepared(request, region: region), region: region, passThrough: { response in
            AWSClient.redirectRegion(response, from: region) != nil
        }, decode: check)
        if let document = first.value { return (first.response, document) }
        let resource = AWSClient.s3Resource(request)
        if let target = AWSClient.redirectRegion(first.response, from: region) {
            let second = try await perform(s3Prepared(request, region: target), region: target, decode: check)
            return (second.response, second.value ?? nil)
        }
        throw ErrorDecoder.decode(first.response, service: AWSService.s3.rawValue, operation: request.operation, resource: resource)
    }

    func s3Prepared(_ request: S3Request, region: String) -> PreparedRequest {
        let (base, prefix) = configuration.endpoints.s3BaseURL(bucket: request.bucket, region: region)
        var path = prefix
        if let key = request.key { path += "/" + URIEncoding.encodePath(key) }
        if path.isEmpty { path = "/" }
        var headers = request.headers
        // S3 refuses several configuration PUTs (lifecycle, CORS, ...) without a body checksum.
        if !request.body.isEmpty, !headers.keys.contains(where: { $0.lowercased() == "content-md5" }) {
            headers["content-md5"] = Data(Insecure.MD5.hash(data: request.body)).base64EncodedString()
        }
        return PreparedRequest(
            service: .s3, operation: request.operation, resource: AWSClient.s3Resource(request),
            method: request.method.uppercased(), baseURL: base, path: path,
            query: request.query.map { SigV4Request.QueryItem($0.key, $0.value) }, headers: headers,
            body: request.body, signingOptions: .s3)
    }

    /// The bucket's region when the answer is a redirect to another region, else `nil`.
    static func redirectRegion(_ response: AWSResponse, from region: String) -> String? {
        guard [301, 307, 400].contains(response.status) else { return nil }
        var target = response.headers["x-amz-bucket-region"]
        if target == nil, let tree = try? XMLTree.parse(response.body) {
            target = tree.string("Region") ?? tree.string("Error/Region")
        }
        guard let target, !target.isEmpty, target != region else { return nil }
        return target
    }

    static func s3Resource(_ request: S3Request) -> String? {
        guard let bucket = request.bucket else { return nil }
        return request.key.map { "\(bucket)/\($0)" } ?? bucket
    }
}
