import AWSClient
import DriftModel

/// Reads every launch template of the region with two paged listings, whatever their number:
/// DescribeLaunchTemplates (names, default and latest version numbers, tags; pages of 200) and
/// one account-wide DescribeLaunchTemplateVersions for `$Latest` (no template id: AWS then
/// answers with the latest version of every template, pages of 200). That is what the provider's
/// Read uses (the latest version's data, the template's default version number), at
/// 2 × ⌈templates / 200⌉ calls instead of the provider's two calls per template.
///
/// Launch templates are never made by AWS itself, so every one nobody declares is unmanaged.
struct LaunchTemplateCollector: Sendable {
    let client: AWSClient
    let options: ScanOptions
    let tracker: ProgressTracker

    static let type = "aws_launch_template"

    func collect() async throws -> CollectorResult {
        var result = CollectorResult()
        guard options.reads(Self.type) else { return result }
        tracker.phase("ec2: listing launch templates")
        async let templates = EC2Listing.all(
            client, "DescribeLaunchTemplates", ["MaxResults": "200"], items: "launchTemplates/item",
            root: "DescribeLaunchTemplatesResponse")
        // `Versions` goes on the wire as `LaunchTemplateVersion.N`.
        async let versions = EC2Listing.all(
            client, "DescribeLaunchTemplateVersions", ["LaunchTemplateVersion.1": "$Latest", "MaxResults": "200"],
            items: "launchTemplateVersionSet/item", root: "DescribeLaunchTemplateVersionsResponse")
        let latest = LaunchTemplateNormalizer.latestVersions(try await versions)
        for template in try await templates {
            guard let id = template.nonEmptyString("launchTemplateId") else { continue }
            // Listed by one call and not (or at another version) by the other: the template
            // changed between the two. Unreadable this time, never absent.
            guard let version = latest[id], let resource = LaunchTemplateNormalizer.resource(template, latest: version) else {
                result.errors.append(.malformed(
                    service: .ec2, operation: "DescribeLaunchTemplateVersions", resource: id,
                    "no data for the template's latest version (it changed during the scan)"))
                continue
            }
            result.resources.append(resource)
        }
        tracker.found(result.resources.count, phase: "ec2: \(result.resources.count) launch templates")
        return result
    }
}
