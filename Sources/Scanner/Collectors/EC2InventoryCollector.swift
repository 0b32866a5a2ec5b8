import AWSClient
import DriftModel

/// Reads the EC2 types that one region-wide paged `Describe*` call each describes in full:
/// volumes, elastic IPs, key pairs, VPCs and subnets. One collector per registry `Collector` case;
/// a listing is skipped when no type it produces is read.
struct EC2InventoryCollector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker
    let collector: ResourceType.Collector

    private struct Listing: Sendable {
        var types: [String]
        var operation: String
        var parameters: [String: String]
        var items: String
        var normalize: @Sendable (XMLTree) -> [LiveResource]
    }

    private static func listings(_ collector: ResourceType.Collector) -> [Listing] {
        switch collector {
        case .volumes:
            return [Listing(types: ["aws_ebs_volume", "aws_volume_attachment"], operation: "DescribeVolumes",
                            parameters: ["MaxResults": "1000"], items: "volumeSet/item",
                            normalize: EC2InventoryNormalizer.volumeAndAttachments)]
        case .addresses:
            // DescribeAddresses does not page: one call answers for every address of the region.
            return [Listing(types: ["aws_eip", "aws_eip_association"], operation: "DescribeAddresses", parameters: [:],
                            items: "addressesSet/item", normalize: EC2InventoryNormalizer.addressAndAssociation)]
        case .keyPairs:
            return [Listing(types: ["aws_key_pair"], operation: "DescribeKeyPairs", parameters: [:],
                            items: "keySet/item", normalize: single(EC2InventoryNormalizer.keyPair))]
        case .networks:
            return [
                Listing(types: ["aws_vpc"], operation: "DescribeVpcs", parameters: ["MaxResults": "1000"],
                        items: "vpcSet/item", normalize: single(EC2InventoryNormalizer.vpc)),
                Listing(types: ["aws_subnet"], operation: "DescribeSubnets", parameters: ["MaxResults": "1000"],
                        items: "subnetSet/item", normalize: single(EC2InventoryNormalizer.subnet)),
            ]
        case .instances, .buckets, .tables, .securityGroups, .launchTemplates:
            return []
        }
    }

    private static func single(_ f: @escaping @Sendable (XMLTree) -> LiveResource?) -> @Sendable (XMLTree) -> [LiveResource] {
        { item in f(item).map { [$0] } ?? [] }
    }

    /// The types a collector produces, for `Scanner.produces`.
    static func types(_ collector: ResourceType.Collector) -> [String] { listings(collector).flatMap(\.types) }

    func collect() async throws -> CollectorResult {
        var result = CollectorResult()
        let listings = Self.listings(collector).filter { $0.types.contains(where: options.reads) }
        let (client, scope, reading) = (self.client, options.attachedTo, options)
        // The collector's listings (a VPC's and a subnet's) are independent: made together. Each is
        // normalized page by page, so only one page's tree is held at a time.
        let answers = try await withThrowingTaskGroup(of: (Int, [LiveResource]).self) { group in
            for (index, listing) in listings.enumerated() {
                tracker.phase("ec2: listing \(listing.types[0])")
                let parameters = scope?.narrowing(listing.operation, listing.parameters) ?? listing.parameters
                group.addTask {
                    let root = listing.operation + "Response"
                    let resources = try await EC2Listing.all(
                        client, listing.operation, parameters, items: listing.items, root: root
                    ) { item in listing.normalize(item).filter { reading.reads($0.type) } }
                    return (index, resources)
                }
            }
            var answers = [[LiveResource]](repeating: [], count: listings.count)
            for try await (index, resources) in group { answers[index] = resources }
            return answers
        }
        for resources in answers {
            result.resources += resources
        }
        tracker.found(result.resources.count)
        return result
    }
}
