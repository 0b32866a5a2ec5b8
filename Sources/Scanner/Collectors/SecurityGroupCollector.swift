import AWSClient
import DriftModel

/// Reads security groups and their rules: DescribeSecurityGroups and DescribeSecurityGroupRules over
/// the whole region, pages of 1,000, so a region's groups cost a few calls whatever their number.
/// The rules call is made only when rules can be reported (`readsRules`).
struct SecurityGroupCollector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker

    static let ruleTypes = ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]
    /// The legacy rule type: no live resource of its own; the matcher finds a declaration's
    /// permissions among the listed rules (`LegacySecurityGroupRule` in DriftCore).
    static let legacyRuleType = "aws_security_group_rule"

    /// Rules are listed when a rule type is read: declared (a legacy rule too), or inventoried
    /// within the declared groups (a rule opened by hand in a managed group is unmanaged).
    static func readsRules(_ options: ScanOptions) -> Bool {
        (ruleTypes + [legacyRuleType]).contains(where: options.reads)
    }

    func collect() async throws -> CollectorResult {
        var result = CollectorResult()
        let scope = options.attachedTo
        // An instance in no group (`drift check`) has no groups and no rules to list.
        if let scope, scope.groupIDs.isEmpty { return result }
        func parameters(_ operation: String) -> [String: String] {
            scope?.narrowing(operation, ["MaxResults": "1000"]) ?? ["MaxResults": "1000"]
        }
        let client = self.client
        let readsGroups = options.reads("aws_security_group"), readsRules = Self.readsRules(options)
        tracker.phase("ec2: listing security groups and rules")
        // Two independent listings, made together.
        async let groups = readsGroups
            ? EC2Listing.all(
                client, "DescribeSecurityGroups", parameters("DescribeSecurityGroups"), items: "securityGroupInfo/item",
                root: "DescribeSecurityGroupsResponse") : []
        async let rules = readsRules
            ? EC2Listing.all(
                client, "DescribeSecurityGroupRules", parameters("DescribeSecurityGroupRules"),
                items: "securityGroupRuleSet/item", root: "DescribeSecurityGroupRulesResponse") : []
        result.resources += try await groups.compactMap(SecurityGroupNormalizer.group)
        // Rules of an unread type are still listed: the legacy rules are found among them.
        result.resources += try await rules.compactMap { SecurityGroupNormalizer.rule($0, region: client.region) }
        tracker.found(result.resources.count, phase: "ec2: \(result.resources.count) security groups and rules")
        return result
    }
}

/// A region-wide EC2 listing, every page: a failed or foreign answer stops the scan, since a type
/// listed in part would make the rest look deleted.
enum EC2Listing {
    static func all(
        _ client: AWSClient, _ operation: String, _ parameters: [String: String], items: String, root: String
    ) async throws -> [XMLTree] {
        try await all(client, operation, parameters, items: items, root: root) { [$0] }
    }

    /// The same listing with each item turned into what the caller keeps as its page arrives, so that
    /// only one page's tree is held at a time, not a tree per item of the whole region.
    static func all<T: Sendable>(
        _ client: AWSClient, _ operation: String, _ parameters: [String: String], items: String, root: String,
        transform: (XMLTree) -> [T]
    ) async throws -> [T] {
        var all: [T] = []
        var token: String? = nil
        var seen = Set<String>()
        repeat {
            var page = parameters
            if let token { page["NextToken"] = token }
            let tree: XMLTree
            do { tree = try await client.ec2(operation, page) } catch {
                throw ScanError.listingFailed(service: .ec2, operation: operation, underlying: error.asAWSError)
            }
            guard tree.name == root else { throw ScanError.malformedListing(service: .ec2, operation: operation, root: tree.name) }
            all += tree.all(items).flatMap(transform)
            token = tree.nonEmptyString("nextToken")
            if let token, !seen.insert(token).inserted {
                throw ScanError.malformedListing(service: .ec2, operation: operation, root: "repeated NextToken")
            }
        } while token != nil
        return all
    }
}
