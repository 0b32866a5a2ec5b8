// Fuzz target: the JSON answer decoders: the parser, DynamoDB errors and the DynamoDB normalizer,
// and the bucket policy (S3's one JSON answer).
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/aws-json.
import AWSClient
import DriftModel
import Foundation
@testable import Scanner

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAWSJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = ErrorDecoder.decode(AWSResponse(status: 400, headers: [:], body: Data(bytes)), service: "dynamodb", operation: "Fuzz")
    _ = try? S3Normalizer.policy("b", Data(bytes))
    guard let value = try? JSONParser.parse(bytes: bytes) else { return 0 }
    _ = value.canonicalJSON(pretty: true)
    _ = DynamoDBNormalizer.table(value)
    _ = DynamoDBNormalizer.tablePage(value)
    _ = DynamoDBNormalizer.tagPage(value)
    _ = DynamoDBNormalizer.ttl(value)
    _ = DynamoDBNormalizer.pointInTimeRecovery(value)
    _ = try? Snapshot(json: value)
    return 0
}
