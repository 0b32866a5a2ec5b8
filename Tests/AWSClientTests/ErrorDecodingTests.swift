@testable import AWSClient
import Foundation
import Testing

@Suite("Error decoding")
struct ErrorDecodingTests {
    func response(_ status: Int, _ body: String, _ headers: [String: String] = [:]) -> AWSResponse {
        AWSResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test("EC2 <Response><Errors><Error> with its RequestID")
    func ec2() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
            """
        let error = ErrorDecoder.decode(response(400, body), service: "ec2", operation: "DescribeInstances", resource: "i-1")
        #expect(error.code == "InvalidInstanceID.NotFound")
        #expect(error.message == "The instance ID 'i-1' does not exist")
        #expect(error.requestID == "ea966190-f9aa-478e-9ede-example")
        #expect(error.httpStatus == 400)
        #expect(error.retryClass == .client)
        #expect(
            error.description
                == "ec2 DescribeInstances (i-1): InvalidInstanceID.NotFound: The instance ID 'i-1' does not exist [HTTP 400, request ea966190-f9aa-478e-9ede-example]")
    }

    @Test("EC2 RequestLimitExceeded is throttling")
    func ec2Throttle() {
        let body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r</RequestID></Response>"
        #expect(ErrorDecoder.decode(response(503, body), service: "ec2", operation: "X").retryClass == .throttling)
    }

    @Test("S3 <Error> with the request id header")
    func s3() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><BucketName>b</BucketName><RequestId>XML-ID</RequestId></Error>
            """
        let error = ErrorDecoder.decode(
            response(404, body, ["x-amz-request-id": "4442587FB7D0A2F9"]), service: "s3", operation: "GetBucketPolicy",
            resource: "b")
        #expect(error.code == "NoSuchBucketPolicy")
        #expect(error.message == "The bucket policy does not exist")
        #expect(error.requestID == "4442587FB7D0A2F9")
        #expect(error.resource == "b")
    }

    @Test("an S3 HEAD answer has no body: the code comes from the status")
    func s3Head() {
        let error = ErrorDecoder.decode(response(404, ""), service: "s3", operation: "HeadBucket")
        #expect(error.code == "NotFound")
        #expect(error.httpStatus == 404)
        #expect(ErrorDecoder.decode(response(503, ""), service: "s3", operation: "HeadBucket").retryClass == .server)
    }

    @Test("DynamoDB __type keeps the part after #, message or Message")
    func dynamodb() {
        let lower = ErrorDecoder.decode(
            response(
                400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#,
                ["x-amzn-requestid": "DDB-ID"]), service: "dynamodb", operation: "DescribeTable", resource: "t")
        #expect(lower.code == "ResourceNotFoundException")
        #expect(lower.message == "Requested resource not found")
        #expect(lower.requestID == "DDB-ID")
        let upper = ErrorDecoder.decode(
            response(400, #"{"__type":"com.amazon.coral.availability#ThrottlingException","Message":"Rate exceeded"}"#),
            service: "dynamodb", operation: "ListTables")
        #expect(upper.code == "ThrottlingException")
        #expect(upper.message == "Rate exceeded")
        #expect(upper.retryClass == .throttling)
    }

    @Test("STS <ErrorResponse><Error> with RequestId")
    func sts() {
        let body = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error><RequestId>STS-ID</RequestId></ErrorResponse>"
        let error = ErrorDecoder.decode(response(403, body), service: "sts", operation: "AssumeRole")
        #expect(error.code == "AccessDenied")
        #expect(error.requestID == "STS-ID")
    }

    @Test("an unreadable error body still yields the status-based code")
    func garbage() {
        let error = ErrorDecoder.decode(response(500, "<html>oops"), service: "ec2", operation: "X")
        #expect(error.code == "InternalError")
        #expect(error.retryClass == .server)
    }
}
