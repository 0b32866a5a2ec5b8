import AWSClient
import DriftModel

/// What `drift check` shows about a live instance beyond what the provider describes: when it was
/// launched, and the launch template it was launched from (id, name, the version it runs, and the
/// template's default and latest versions, so an instance left on an old version is plain to see).
///
/// Read for the checked instances only, with one DescribeInstances by id (the launch time, and
/// the `aws:ec2launchtemplate:id`/`:version` tags EC2 puts on an instance launched from a
/// template) and, when there is a template, one DescribeLaunchTemplates by id. A failed call
/// leaves these facts out: they describe the box, they never change the verdict.
public struct InstanceDetails: Sendable, Hashable {
    /// DescribeInstances' `launchTime`.
    public var launchTime: String?
    public var launchTemplate: LaunchTemplateReference?

    public init(launchTime: String? = nil, launchTemplate: LaunchTemplateReference? = nil) {
        self.launchTime = launchTime
        self.launchTemplate = launchTemplate
    }

    /// The launch template an instance was launched from.
    public struct LaunchTemplateReference: Sendable, Hashable {
        /// `lt-…`.
        public var id: String
        /// The version the instance was launched with (`aws:ec2launchtemplate:version`).
        public var version: String?
        /// The template's name, default and latest version numbers; `nil` when the template is
        /// gone or could not be read.
        public var name: String?
        public var defaultVersion: String?
        public var latestVersion: String?

        public init(id: String, version: String?, name: String? = nil, defaultVersion: String? = nil, latestVersion: String? = nil) {
            self.id = id
            self.version = version
            self.name = name
            self.defaultVersion = defaultVersion
            self.latestVersion = latestVersion
        }

        /// `lt-0abc (web) version 2 (default 2, latest 3)`; what is not known is left out.
        public var text: String {
            var text = id + (name.map { " (\($0))" } ?? "")
            if let version { text += " version \(version)" }
            let versions = [defaultVersion.map { "default \($0)" }, latestVersion.map { "latest \($0)" }].compactMap { $0 }
            if !versions.isEmpty { text += " (" + versions.joined(separator: ", ") + ")" }
            return text
        }
    }

    /// The tag keys EC2 adds to an instance launched from a launch template.
    static let templateIDTag = "aws:ec2launchtemplate:id"
    static let templateVersionTag = "aws:ec2launchtemplate:version"

    /// The details of these instances, by id; empty when there are none or the calls fail.
    static func read(_ ids: [String], client: AWSClient) async -> [String: InstanceDetails] {
        guard !ids.isEmpty else { return [:] }
        var parameters: [String: String] = [:]
        for (index, id) in ids.sorted().enumerated() { parameters["InstanceId.\(index + 1)"] = id }
        guard let tree = try? await client.ec2("DescribeInstances", parameters, children: ["reservationSet"]) else { return [:] }
        var details = Self.parse(tree)
        let templateIDs = Set(details.values.compactMap(\.launchTemplate?.id)).sorted()
        guard !templateIDs.isEmpty else { return details }
        var query: [String: String] = [:]
        for (index, id) in templateIDs.enumerated() { query["LaunchTemplateId.\(index + 1)"] = id }
        guard let templates = try? await client.ec2("DescribeLaunchTemplates", query, children: ["launchTemplates"]) else {
            return details
        }
        let byID = Self.templates(templates)
        for (id, detail) in details {
            guard let reference = detail.launchTemplate, let template = byID[reference.id] else { continue }
            details[id]?.launchTemplate = LaunchTemplateReference(
                id: reference.id, version: reference.version, name: template.name, defaultVersion: template.defaultVersion,
                latestVersion: template.latestVersion)
        }
        return details
    }

    /// Launch time and template reference per instance of a DescribeInstances answer.
    static func parse(_ tree: XMLTree) -> [String: InstanceDetails] {
        var details: [String: InstanceDetails] = [:]
        for instance in tree.all("reservationSet/item").flatMap({ $0.all("instancesSet/item") }) {
            guard let id = instance.string("instanceId"), !id.isEmpty else { continue }
            var tags: [String: String] = [:]
            for tag in instance.all("tagSet/item") {
                if let key = tag.string("key") { tags[key] = tag.string("value") ?? "" }
            }
            let launchTime = instance.string("launchTime").flatMap { $0.isEmpty ? nil : $0 }
            let template = tags[templateIDTag].flatMap { $0.isEmpty ? nil : $0 }.map { id in
                LaunchTemplateReference(id: id, version: tags[templateVersionTag].flatMap { $0.isEmpty ? nil : $0 })
            }
            details[id] = InstanceDetails(launchTime: launchTime, launchTemplate: template)
        }
        return details
    }

    /// Name, default and latest version numbers per template id of a DescribeLaunchTemplates answer.
    static func templates(_ tree: XMLTree) -> [String: (name: String?, defaultVersion: String?, latestVersion: String?)] {
        var byID: [String: (name: String?, defaultVersion: String?, latestVersion: String?)] = [:]
        for item in tree.all("launchTemplates/item") {
            guard let id = item.string("launchTemplateId"), !id.isEmpty else { continue }
            func text(_ path: String) -> String? { item.string(path).flatMap { $0.isEmpty ? nil : $0 } }
            byID[id] = (text("launchTemplateName"), text("defaultVersionNumber"), text("latestVersionNumber"))
        }
        return byID
    }
}
