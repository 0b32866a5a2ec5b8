import DriftModel
import Terraform
import Testing

@Suite("drift baseline --format text")
struct BaselineTextRendererTests {
    @Test("each resource lists its arguments with their sources, unknowns and provider defaults")
    func seedText() {
        let baseline = LoaderFixtures.load("tags")
        let text = BaselineTextRenderer.render(baseline)
        #expect(text.contains("""
            aws_s3_bucket.merged  # main.tf:22:1
              bucket = "merged"  # main.tf:23:3
              force_destroy = false  # provider default
              tags = {"Name":"merged","Team":"web"}  # main.tf:24:3
              tags_all = {"Name":"merged","Owner":"sre","Team":"web"}  # default_tags + tags
            """))
        #expect(text.contains("aws_s3_bucket.west (provider aws.west)  # main.tf:34:1\n"))
        #expect(text.contains("  tags_all = {}  # default_tags + tags\n"))
        #expect(text.hasSuffix("\n3 resource(s)\n"))
    }
}

@Suite("drift baseline --format json")
struct BaselineJSONTests {
    @Test("the fast writer prints exactly the canonical pretty JSON", arguments: ["modules", "tags", "dynamic", "broken", "sensitive", "does-not-exist"])
    func sameBytes(_ fixture: String) {
        let baseline = LoaderFixtures.load(fixture)
        #expect(BaselineJSON.render(baseline) == baseline.jsonValue.canonicalJSON(pretty: true))
    }

    @Test("strings with quotes, controls and non-ASCII are escaped as the canonical writer does")
    func escapes() {
        let resource = DeclaredResource(
            address: "x.y", type: "x", name: "y", attributes: ["s": "a\"b\\c\nd\u{01}é\t\u{0C}\u{08}😀"])
        let baseline = Baseline(resources: [resource])
        #expect(BaselineJSON.render(baseline) == baseline.jsonValue.canonicalJSON(pretty: true))
    }
}
