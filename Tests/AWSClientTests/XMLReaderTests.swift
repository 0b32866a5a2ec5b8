import AWSClient
import Foundation
import Testing

/// The byte-level XML reader behind every EC2, S3 and STS answer.
@Suite("XML reader")
struct XMLReaderTests {
    func parse(_ text: String) throws -> XMLTree { try XMLTree.parse(Data(text.utf8)) }

    func failure(_ text: String) -> String? {
        do {
            _ = try XMLTree.parse(Data(text.utf8))
            return nil
        } catch { return error.description }
    }

    @Test("declaration, namespaces, attributes, entities, CDATA and comments")
    func wellFormed() throws {
        let tree = try parse("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- leading comment -->
            <s3:Root xmlns:s3="urn:x" a='1' b="&lt;&amp;&#65;&#x42;">
              <s3:Leaf>  a &amp; b &#x1F600; </s3:Leaf>
              <Empty/><Data><![CDATA[<not> & markup]]></Data>
            </s3:Root>
            """)
        #expect(tree.name == "Root")
        #expect(tree.attributes == ["xmlns:s3": "urn:x", "a": "1", "b": "<&AB"])
        #expect(tree.string("Leaf") == "  a & b 😀 ")
        #expect(tree.string("Empty") == "")
        #expect(tree.string("Data") == "<not> & markup")
        #expect(tree.text == "")
        #expect(tree.children.map(\.name) == ["Leaf", "Empty", "Data"])
    }

    @Test("a DOCTYPE with an internal subset is skipped")
    func doctype() throws {
        let tree = try parse("<!DOCTYPE html [ <!ENTITY x \"y\"> ]><html><p>t</p></html>")
        #expect(tree.string("p") == "t")
    }

    @Test("every malformed document names line and column")
    func malformed() {
        #expect(failure("<a><b></a>") == "malformed XML at 1:10: </a> closes <b>")
        #expect(failure("<a>\n<b>") == "malformed XML at 2:4: document ends inside <b>")
        #expect(failure("<a/><b/>") == "malformed XML at 1:5: a second root element")
        #expect(failure("<a/>x") == "malformed XML at 1:5: text after the root element")
        #expect(failure("<a>&nbsp;</a>") == "malformed XML at 1:4: unknown entity &nbsp;")
        #expect(failure("<a x=1/>") == "malformed XML at 1:6: expected a quoted attribute value")
        #expect(failure("<a x='1' x='2'/>") == "malformed XML at 1:15: attribute x repeated")
        #expect(failure("<a><!-- open") == "malformed XML at 1:13: document ends inside a comment")
        #expect(failure("") == "empty XML document")
        #expect(failure("   ") == "empty XML document")
        #expect(failure(String(repeating: "<a>", count: 600)) == "malformed XML at 1:1537: elements nested deeper than 512")
    }

    @Test("a 12 MB DescribeInstances page parses (libxml2 stops at 10,000,000 bytes; bench-snapshot reads a 50 MB one)")
    func hugePage() throws {
        let tags = Array(("</instanceId><tagSet>"
            + String(repeating: "<item><key>team</key><value>platform-engineering-shared</value></item>", count: 60)
            + "</tagSet></item>").utf8)
        var body = Array("<?xml version=\"1.0\"?>\n<DescribeInstancesResponse><reservationSet><item><instancesSet>".utf8)
        body.reserveCapacity(13_000_000)
        var count = 0
        while body.count < 12_000_000 {
            body += Array("<item><instanceId>i-\(100_000_000 + count)".utf8)
            body += tags
            count += 1
        }
        body += Array("</instancesSet></item></reservationSet></DescribeInstancesResponse>".utf8)
        let tree = try XMLTree.parse(Data(body))
        let instances = tree.all("reservationSet/item/instancesSet/item")
        #expect(instances.count == count)
        #expect(instances.last?.string("instanceId") == "i-\(100_000_000 + count - 1)")
        #expect(instances.first?.all("tagSet/item").count == 60)
    }
}
