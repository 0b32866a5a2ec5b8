// Fuzz target: every XML answer decoder: the reader, the error decoder, the answer checks and
// the EC2 and S3 normalizers, fed the same bytes.
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/aws-xml.
import AWSClient
import DriftModel
import Foundation
@testable import Scanner

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAWSXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    for status in [400, 503] {
        _ = ErrorDecoder.decode(AWSResponse(status: status, headers: [:], body: body), service: "ec2", operation: "Fuzz")
    }
    guard let tree = try? XMLTree.parse(body) else { return 0 }
    let (instances, _) = EC2Normalizer.page(tree)
    let volumes = EC2Normalizer.volumes(tree.all("volumeSet/item"))
    for instance in instances {
        _ = EC2Normalizer.resource(instance, volumes: volumes)
        _ = EC2Normalizer.isLive(instance)
    }
    _ = EC2Normalizer.burstableTypes(tree.all("instanceTypeSet/item"))
    _ = EC2Normalizer.creditSpecifications(tree.all("instanceCreditSpecificationSet/item"))
    for name in ["user_data", "disable_api_termination", "disable_api_stop", "instance_initiated_shutdown_behavior"] {
        _ = EC2Normalizer.attributeValue(terraformName: name, tree)
    }
    for setting in S3Normalizer.settings {
        _ = try? S3Normalizer.resource(operation: setting.operation, bucket: "b", body: body, document: tree)
    }
    _ = S3Normalizer.bucket("b", region: S3Normalizer.region(tree), tagging: tree)
    _ = S3Normalizer.bucketPage(tree)
    return 0
}
