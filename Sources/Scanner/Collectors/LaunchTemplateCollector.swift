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
        let read = LaunchTemplateNormalizer.resources(templates: try await templates, versions: try await versions)
        result.resources = read.resources
        result.errors = read.errors
        tracker.found(result.resources.count, phase: "ec2: \(result.resources.count) launch templates")
        return result
    }
}
