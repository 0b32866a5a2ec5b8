import AWSClient
import DriftModel
import Foundation
import Terraform

/// EC2 data sources, with the provider's search rules and attribute shapes (hashicorp/aws 5.x):
/// a singular one that matches nothing, or more than one, fails the plan as the provider does.
enum EC2DataSources {
    // MARK: AMIs

    /// DescribeImages with `owners`, `executable_users`, `filter` and `include_deprecated`, then
    /// `name_regex` on the names; several matches need `most_recent` (the newest `creation_date`).
    @Sendable static func ami(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let images: [XMLTree]
        switch try await searchImages(call) {
        case .failure(let failure): return .failed(failure.message)
        case .success(let found): images = found
        }
        guard !images.isEmpty else {
            return .failed("Your query returned no results. Please change your search criteria and try again.")
        }
        var chosen = images[0]
        if images.count > 1 {
            guard call.bool("most_recent") == true else {
                return .failed(
                    "Your query returned more than one result. Please try more specific search criteria, or set "
                        + "`most_recent` attribute to true.")
            }
            let sorted = newestFirst(images)
            if let reason = unpredictableOrder(sorted, ties: .newest) { return .undetermined(reason) }
            chosen = sorted[0]
        }
        return .found(imageAttributes(chosen, call: call), sensitive: [])
    }

    /// The ids of every match, newest first (`sort_ascending` reverses).
    @Sendable static func amiIDs(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        switch try await searchImages(call) {
        case .failure(let failure): return .failed(failure.message)
        case .success(let images):
            var sorted = newestFirst(images)
            if let reason = unpredictableOrder(sorted, ties: .any) { return .undetermined(reason) }
            if call.bool("sort_ascending") == true { sorted.reverse() }
            let ids = sorted.compactMap { $0.string("imageId") }
            return .found(["ids": ids.values, "id": .string(call.client.region)], sensitive: [])
        }
    }

    private static func searchImages(_ call: DataSourceCall) async throws -> Result<[XMLTree], Failure> {
        var query = EC2Query()
        query.list("Owner", call.strings("owners"))
        query.list("ExecutableBy", call.strings("executable_users"))
        query.filters(call)
        if call.bool("include_deprecated") == true { query.parameters["IncludeDeprecated"] = "true" }
        var images = try await query.items(call.client, "DescribeImages", itemPath: "imagesSet/item")
        if let pattern = call.string("name_regex") {
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return .failure(Failure(message: "name_regex: \(pattern) is not a valid regular expression"))
            }
            images = images.filter { image in
                let name = image.string("name") ?? ""
                return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
        }
        return .success(images)
    }

    struct Failure: Error { var message: String }

    /// By `creationDate` to the second (RFC 3339 in UTC sorts as text), newest first; ties keep
    /// their order, as the provider's `sort.Slice` does for up to 12 images (an insertion sort).
    private static func newestFirst(_ images: [XMLTree]) -> [XMLTree] {
        images.enumerated().sorted { a, b in
            let (x, y) = (created(a.element), created(b.element))
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    private static func created(_ image: XMLTree) -> Substring { (image.string("creationDate") ?? "").prefix(19) }

    enum Ties { case newest, any }

    /// Past 12 images the provider's sort is not stable: which of several images created in the
    /// same second comes first is then its sort's secret, and drift says so rather than guess.
    private static func unpredictableOrder(_ sorted: [XMLTree], ties: Ties) -> String? {
        guard sorted.count > 12 else { return nil }
        let tied: Bool
        switch ties {
        case .newest: tied = created(sorted[0]) == created(sorted[1])
        case .any: tied = zip(sorted, sorted.dropFirst()).contains { created($0) == created($1) }
        }
        guard tied else { return nil }
        return "\(sorted.count) images match and several were created in the same second; which one the "
            + "provider puts first is not predictable (add filters, as a stable configuration would)"
    }

    private static func imageAttributes(_ image: XMLTree, call: DataSourceCall) -> [String: Value] {
        let id = image.string("imageId") ?? ""
        var a: [String: Value] = [
            "id": .string(id), "image_id": .string(id),
            "arn": .string("arn:\(call.partition):ec2:\(call.client.region)::image/\(id)"),
            "architecture": image.text("architecture"), "boot_mode": image.text("bootMode"),
            "creation_date": image.text("creationDate"), "deprecation_time": image.text("deprecationTime"),
            "description": image.text("description"), "ena_support": image.flag("enaSupport"),
            "hypervisor": image.text("hypervisor"), "image_location": image.text("imageLocation"),
            "image_owner_alias": image.text("imageOwnerAlias"), "image_type": image.text("imageType"),
            "imds_support": image.text("imdsSupport"), "kernel_id": image.text("kernelId"),
            "last_launched_time": image.text("lastLaunchedTime"), "name": image.text("name"),
            "owner_id": image.text("imageOwnerId"), "platform": image.text("platform"),
            "platform_details": image.text("platformDetails"), "public": image.flag("isPublic"),
            "ramdisk_id": image.text("ramdiskId"), "root_device_name": image.text("rootDeviceName"),
            "root_device_type": image.text("rootDeviceType"), "sriov_net_support": image.text("sriovNetSupport"),
            "state": image.text("imageState"), "tags": image.tags, "tpm_support": image.text("tpmSupport"),
            "usage_operation": image.text("usageOperation"), "virtualization_type": image.text("virtualizationType"),
        ]
        var mappings: [Value] = []
        var rootSnapshot = ""
        for item in image.all("blockDeviceMapping/item") {
            var ebs: [String: Value] = [:]
            if let node = item.child("ebs") {
                for (key, path) in [
                    ("delete_on_termination", "deleteOnTermination"), ("encrypted", "encrypted"), ("iops", "iops"),
                    ("snapshot_id", "snapshotId"), ("throughput", "throughput"), ("volume_size", "volumeSize"),
                    ("volume_type", "volumeType"),
                ] {
                    if let text = node.string(path) { ebs[key] = .string(text) }
                }
                if item.string("deviceName") == image.string("rootDeviceName") {
                    rootSnapshot = node.string("snapshotId") ?? ""
                }
            }
            mappings.append(.object([
                "device_name": item.text("deviceName"), "ebs": .object(ebs), "no_device": item.text("noDevice"),
                "virtual_name": item.text("virtualName"),
            ]))
        }
        a["block_device_mappings"] = .array(mappings)
        a["root_snapshot_id"] = .string(rootSnapshot)
        a["product_codes"] = .array(image.all("productCodes/item").map { item in
            .object(["product_code_id": item.text("productCode"), "product_code_type": item.text("type")])
        })
        a["state_reason"] = .object([
            "code": .string(image.string("stateReason/code") ?? "UNSET"),
            "message": .string(image.string("stateReason/message") ?? "UNSET"),
        ])
        return a
    }

    // MARK: Availability zones

    @Sendable static func availabilityZones(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        var query = EC2Query()
        query.filters(call)
        if let state = call.string("state") { query.filter("state", [state]) }
        if call.bool("all_availability_zones") == true { query.parameters["AllAvailabilityZones"] = "true" }
        let zones = try await query.items(call.client, "DescribeAvailabilityZones", itemPath: "availabilityZoneInfo/item")
        let excludedNames = Set(call.strings("exclude_names")), excludedIDs = Set(call.strings("exclude_zone_ids"))
        let kept = zones.filter {
            !excludedNames.contains($0.string("zoneName") ?? "") && !excludedIDs.contains($0.string("zoneId") ?? "")
        }.sorted { ($0.string("zoneName") ?? "") < ($1.string("zoneName") ?? "") }
        return .found([
            "id": .string(call.client.region),
            "names": kept.compactMap { $0.string("zoneName") }.values,
            "zone_ids": kept.compactMap { $0.string("zoneId") }.values,
            "group_names": Array(Set(kept.compactMap { $0.string("groupName") })).sorted().values,
        ], sensitive: [])
    }

    // MARK: Singular lookups

    /// Exactly one match, or the provider's error.
    static func single(_ items: [XMLTree], kind: String) -> Result<XMLTree, Failure> {
        if items.isEmpty { return .failure(Failure(message: "no matching \(kind) found")) }
        if items.count > 1 {
            return .failure(Failure(
                message: "multiple \(kind)s matched; use additional constraints to reduce matches to a single \(kind)"))
        }
        return .success(items[0])
    }

    static func answer(_ result: Result<XMLTree, Failure>, _ attributes: (XMLTree) -> [String: Value]) -> DataSourceAnswer {
        switch result {
        case .failure(let failure): return .failed(failure.message)
        case .success(let item): return .found(attributes(item), sensitive: [])
        }
    }
}
