import Testing
@testable import DriftModel

@Suite("Canonical JSON")
struct JSONTests {
    @Test("object keys are sorted and integral numbers print without a fraction")
    func canonical() throws {
        let v: Value = ["b": 1, "a": [true, nil, 2.5, "x\"y\n"]]
        #expect(v.canonicalJSON() == #"{"a":[true,null,2.5,"x\"y\n"],"b":1}"#)
    }

    @Test("parse then print round-trips, booleans stay booleans")
    func roundTrip() throws {
        let text = #"{"a":[1,true,false,null,"\u00e9\ud83d\ude00"],"b":{"c":-2.5e3}}"#
        let v = try JSONParser.parse(text)
        #expect(v["a"]?.arrayValue?[1] == .bool(true))
        #expect(v["a"]?.arrayValue?[0] == .number(1))
        #expect(v["a"]?.arrayValue?[4] == .string("é😀"))
        #expect(v["b"]?["c"] == .number(-2500))
        #expect(try JSONParser.parse(v.canonicalJSON()) == v)
    }

    @Test("malformed input is an error with an offset, never a crash", arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", ""])
    func malformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("snapshot JSON sorts resources by type and id")
    func snapshotOrder() throws {
        let s = Snapshot(takenAt: "t", region: "r", resources: [
            LiveResource(type: "aws_s3_bucket", id: "b", attributes: [:]),
            LiveResource(type: "aws_instance", id: "i-2", attributes: [:]),
            LiveResource(type: "aws_instance", id: "i-1", attributes: [:]),
        ])
        let ids = s.jsonValue["resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == ["i-1", "i-2", "b"])
        #expect(try Snapshot(json: JSONParser.parse(s.jsonValue.canonicalJSON())) == s.normalized())
    }
}
