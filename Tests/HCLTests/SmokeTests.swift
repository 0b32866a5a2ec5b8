import Testing

@testable import HCL

@Suite("Smoke")
struct SmokeTests {
    @Test("a small file parses")
    func small() {
        let src = """
        # comment
        resource "aws_instance" "web" {
          ami = "ami-${var.x}"
          count = 2
          tags = { Name = "a", b = 1 + 2 * 3 }
          list = [for s in var.l : upper(s) if s != ""]
          lifecycle { ignore_changes = [tags] }
          h = <<-EOT
            hello
              world
            EOT
        }
        """
        let r = TestHelpers.parse(src)
        print(r.diagnostics)
        print(r.body)
        #expect(r.diagnostics.isEmpty)
    }
}
