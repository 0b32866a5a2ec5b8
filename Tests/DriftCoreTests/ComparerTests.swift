import DriftModel
import Testing

@testable import DriftCore

/// Hand-built schemas so that each comparison rule is tested on its own, independent of the
/// generated provider table.
enum TestSchemas {
    static let table = ResourceSchema(type: "aws_dynamodb_table", attributes: [
        "name": AttributeSchema(name: "name", required: true),
        "arn": AttributeSchema(name: "arn", computed: true),
        "billing_mode": AttributeSchema(name: "billing_mode", optional: true, defaultValue: "PROVISIONED"),
        "read_capacity": AttributeSchema(name: "read_capacity", optional: true, computed: true),
        "stream_enabled": AttributeSchema(name: "stream_enabled", optional: true),
        "table_class": AttributeSchema(name: "table_class", optional: true, unsetEquivalent: "STANDARD"),
        "stream_view_type": AttributeSchema(name: "stream_view_type", optional: true, computed: true),
        "tags": AttributeSchema(name: "tags", nesting: .map, optional: true),
        "tags_all": AttributeSchema(name: "tags_all", nesting: .map, optional: true, computed: true),
        "attribute": AttributeSchema(name: "attribute", kind: .block, nesting: .set, optional: true, nested: [
            "name": AttributeSchema(name: "name", required: true),
            "type": AttributeSchema(name: "type", required: true),
        ]),
        "global_secondary_index": AttributeSchema(name: "global_secondary_index", kind: .block, nesting: .set, optional: true, nested: [
            "name": AttributeSchema(name: "name", required: true),
            "hash_key": AttributeSchema(name: "hash_key", required: true),
            "read_capacity": AttributeSchema(name: "read_capacity", optional: true, computed: true),
        ]),
        "ttl": AttributeSchema(name: "ttl", kind: .block, nesting: .list, optional: true, computed: true, nested: [
            "enabled": AttributeSchema(name: "enabled", optional: true),
        ], maxItems: 1),
    ])

    static let versioning = ResourceSchema(type: "aws_s3_bucket_versioning", attributes: [
        "bucket": AttributeSchema(name: "bucket", required: true),
        "versioning_configuration": AttributeSchema(name: "versioning_configuration", kind: .block, nesting: .list, required: true, nested: [
            "status": AttributeSchema(name: "status", required: true),
            "mfa_delete": AttributeSchema(name: "mfa_delete", optional: true, computed: true),
        ], maxItems: 1),
    ])

    static let policy = ResourceSchema(type: "aws_s3_bucket_policy", attributes: [
        "bucket": AttributeSchema(name: "bucket", required: true),
        "policy": AttributeSchema(name: "policy", required: true),
    ])

    static let instance = ResourceSchema(type: "aws_instance", attributes: [
        "instance_type": AttributeSchema(name: "instance_type", optional: true, computed: true),
        "user_data": AttributeSchema(name: "user_data", optional: true, computed: true),
        "vpc_security_group_ids": AttributeSchema(name: "vpc_security_group_ids", nesting: .set, optional: true, computed: true),
        "instance_state": AttributeSchema(name: "instance_state", computed: true),
        "source_dest_check": AttributeSchema(name: "source_dest_check", optional: true, defaultValue: true),
        "tags": AttributeSchema(name: "tags", nesting: .map, optional: true),
        "tags_all": AttributeSchema(name: "tags_all", nesting: .map, optional: true, computed: true),
    ])
}

@Suite("Comparison follows the provider's semantics")
struct ComparerTests {
    func compare(
        _ schema: ResourceSchema, declared: [String: Value], live: [String: Value], provider: ProviderSettings = ProviderSettings(),
        configure: (inout DeclaredResource) -> Void = { _ in }
    ) -> [AttributeChange] {
        var resource = DeclaredResource(
            address: "\(schema.type).x", type: schema.type, name: "x", attributes: declared,
            sources: Dictionary(uniqueKeysWithValues: declared.keys.map { ($0, "main.tf:3:3") }), blockSource: "main.tf:1:1")
        configure(&resource)
        return ResourceComparer(schema: schema, provider: provider)
            .compare(resource, with: LiveResource(type: schema.type, id: "x", attributes: live))
    }

    @Test("a declared argument that differs live is a change with both values and the declaring line")
    func declaredArgument() {
        let changes = compare(TestSchemas.instance, declared: ["instance_type": "t2.micro"], live: ["instance_type": "t2.small"])
        #expect(changes == [AttributeChange(attribute: "instance_type", path: "instance_type", declared: "t2.micro", live: "t2.small", source: "main.tf:3:3")])
    }

    @Test("computed-only attributes and unset optional+computed arguments never drift")
    func computedNeverDrifts() {
        let changes = compare(
            TestSchemas.table, declared: ["name": "t", "billing_mode": "PAY_PER_REQUEST"],
            live: ["name": "t", "billing_mode": "PAY_PER_REQUEST", "arn": "arn:x", "read_capacity": 5, "stream_view_type": "NEW_IMAGE"])
        #expect(changes.isEmpty)
    }

    @Test("an unset optional argument drifts when live differs from the provider default")
    func defaultDiffers() {
        let changes = compare(TestSchemas.table, declared: ["name": "t"], live: ["name": "t", "billing_mode": "PAY_PER_REQUEST"])
        #expect(changes.map(\.path) == ["billing_mode"])
        #expect(changes.first?.declared == "PROVISIONED")
        #expect(changes.first?.source == "main.tf:1:1")
    }

    @Test("an unset optional argument without a default drifts only away from its zero value")
    func zeroValue() {
        #expect(compare(TestSchemas.table, declared: ["name": "t"], live: ["name": "t", "billing_mode": "PROVISIONED", "stream_enabled": false]).isEmpty)
        let changes = compare(TestSchemas.table, declared: ["name": "t"], live: ["name": "t", "billing_mode": "PROVISIONED", "stream_enabled": true])
        #expect(changes.map(\.path) == ["stream_enabled"])
    }

    @Test("an unset argument whose live value the provider reads back for 'unset' is not drift")
    func unsetEquivalent() {
        let base: [String: Value] = ["name": "t", "billing_mode": "PROVISIONED"]
        var live = base
        live["table_class"] = "STANDARD"
        #expect(compare(TestSchemas.table, declared: base, live: live).isEmpty)
        live["table_class"] = "STANDARD_INFREQUENT_ACCESS"
        #expect(compare(TestSchemas.table, declared: base, live: live).map(\.path) == ["table_class"])
    }

    @Test("set blocks and set attributes compare without order; computed fields of set elements are ignored")
    func sets() {
        let declared: [String: Value] = [
            "name": "t", "billing_mode": "PROVISIONED",
            "attribute": [["name": "a", "type": "S"], ["name": "b", "type": "N"]],
            "global_secondary_index": [["name": "g", "hash_key": "b"]],
        ]
        let live: [String: Value] = [
            "name": "t", "billing_mode": "PROVISIONED",
            "attribute": [["name": "b", "type": "N"], ["name": "a", "type": "S"]],
            "global_secondary_index": [["name": "g", "hash_key": "b", "read_capacity": 5]],
        ]
        #expect(compare(TestSchemas.table, declared: declared, live: live).isEmpty)
        var changed = live
        changed["attribute"] = [["name": "b", "type": "S"], ["name": "a", "type": "S"]]
        #expect(compare(TestSchemas.table, declared: declared, live: changed).map(\.path) == ["attribute"])
        let sg = compare(TestSchemas.instance, declared: ["vpc_security_group_ids": ["sg-1", "sg-2"]], live: ["vpc_security_group_ids": ["sg-2", "sg-1"]])
        #expect(sg.isEmpty)
    }

    @Test("a nested block field is reported at its path; fields the provider computes are ignored")
    func nestedBlock() {
        let changes = compare(
            TestSchemas.versioning, declared: ["bucket": "b", "versioning_configuration": [["status": "Enabled"]]],
            live: ["bucket": "b", "versioning_configuration": [["status": "Suspended", "mfa_delete": "Disabled"]]])
        #expect(changes.map(\.path) == ["versioning_configuration[0].status"])
        #expect(changes.first?.attribute == "versioning_configuration")
        #expect(changes.first?.live == "Suspended")
    }

    @Test("an unset computed block with live content is not drift")
    func computedBlock() {
        let changes = compare(TestSchemas.table, declared: ["name": "t", "billing_mode": "PROVISIONED"], live: ["name": "t", "billing_mode": "PROVISIONED", "ttl": [["enabled": true]]])
        #expect(changes.isEmpty)
    }

    @Test("an unset non-computed block added live is drift, a zero-valued one is not")
    func addedBlock() {
        let base: [String: Value] = ["name": "t", "billing_mode": "PROVISIONED"]
        var live = base
        live["global_secondary_index"] = [["name": "g", "hash_key": "b"]]
        #expect(compare(TestSchemas.table, declared: base, live: live).map(\.path) == ["global_secondary_index"])
        live["global_secondary_index"] = []
        #expect(compare(TestSchemas.table, declared: base, live: live).isEmpty)
    }

    @Test("policies are equal under IAM equivalence: whitespace, key order, statement order, one-element lists")
    func policyEquivalence() {
        let declared = #"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*"}]}"#
        let live = """
            {
                "Statement": [
                    {"Resource": "arn:aws:s3:::b/*", "Action": "s3:GetObject", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root"]}},
                    {"Condition": {"Bool": {"aws:SecureTransport": false}}, "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
                     "Action": ["s3:*"], "Principal": {"AWS": "*"}, "Effect": "Deny", "Sid": "A"}
                ],
                "Version": "2012-10-17"
            }
            """
        #expect(compare(TestSchemas.policy, declared: ["bucket": "b", "policy": .string(declared)], live: ["bucket": "b", "policy": .string(live)]).isEmpty)
        let opened = live.replacingOccurrences(of: #""Effect": "Deny""#, with: #""Effect": "Allow""#)
        #expect(compare(TestSchemas.policy, declared: ["bucket": "b", "policy": .string(declared)], live: ["bucket": "b", "policy": .string(opened)]).map(\.path) == ["policy"])
    }

    @Test("lifecycle.ignore_changes silences whole arguments and single map keys")
    func ignoreChanges() {
        let declared: [String: Value] = ["instance_type": "t2.micro", "tags": ["Name": "web"]]
        let live: [String: Value] = ["instance_type": "t3.large", "tags": ["Name": "web", "LastPatched": "monday"]]
        #expect(compare(TestSchemas.instance, declared: declared, live: live) { $0.ignoreChanges = ["instance_type", "tags"] }.isEmpty)
        let some = compare(TestSchemas.instance, declared: declared, live: live) { $0.ignoreChanges = [#"tags["LastPatched"]"#] }
        #expect(some.map(\.path) == ["instance_type"])
        #expect(compare(TestSchemas.instance, declared: declared, live: live) { $0.ignoreChanges = ["*"] }.isEmpty)
    }

    @Test("tags compare against default_tags merged with tags; a default-only key is reported at the default_tags block")
    func defaultTags() {
        let provider = ProviderSettings(defaultTags: ["Env": "dev", "Team": "core"], defaultTagsSource: "provider.tf:4:3")
        let changes = compare(
            TestSchemas.instance, declared: ["tags": ["Name": "web", "Team": "web"]],
            live: ["tags": ["Name": "web", "Team": "web", "Env": "prod", "Owner": "night-shift"]], provider: provider)
        #expect(changes == [
            AttributeChange(attribute: "tags", path: "tags.Env", declared: "dev", live: "prod", source: "provider.tf:4:3"),
            AttributeChange(attribute: "tags", path: "tags.Owner", declared: nil, live: "night-shift", source: "main.tf:3:3"),
        ])
    }

    @Test("keys under the provider's ignore_tags do not exist for either side")
    func ignoreTags() {
        let provider = ProviderSettings(ignoreTagKeys: ["LastPatched"], ignoreTagKeyPrefixes: ["kubernetes.io/"])
        let changes = compare(
            TestSchemas.instance, declared: ["tags": ["Name": "web"]],
            live: ["tags": ["Name": "web", "LastPatched": "x", "kubernetes.io/cluster": "c"]], provider: provider)
        #expect(changes.isEmpty)
    }

    @Test("values from sensitive variables are masked, unknown values are not compared")
    func sensitiveAndUnknown() {
        let changes = compare(TestSchemas.instance, declared: ["user_data": "aaa", "instance_type": "t2.micro"], live: ["user_data": "bbb", "instance_type": "t3.large"]) {
            $0.sensitive = ["user_data"]
            $0.unknown = ["instance_type"]
        }
        #expect(changes == [AttributeChange(attribute: "user_data", path: "user_data", declared: "(sensitive)", live: "(sensitive)", source: "main.tf:3:3")])
    }

    @Test("an argument the snapshot does not describe is not compared")
    func undescribed() {
        #expect(compare(TestSchemas.instance, declared: ["user_data": "aaa"], live: [:]).isEmpty)
    }

    @Test("numbers and their text are the same value, as Terraform converts them")
    func conversion() {
        #expect(compare(TestSchemas.table, declared: ["name": "t", "read_capacity": "5", "billing_mode": "PROVISIONED"], live: ["name": "t", "read_capacity": 5, "billing_mode": "PROVISIONED"]).isEmpty)
    }
}
