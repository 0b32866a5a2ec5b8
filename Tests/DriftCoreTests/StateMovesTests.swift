import DriftCore
import DriftModel
import Testing

/// The state `terraform plan` plans against once `moved` blocks are applied.
@Suite("State after moved blocks")
struct StateMovesTests {
    static func state(_ addresses: [String]) -> TerraformState {
        TerraformState(instances: Dictionary(uniqueKeysWithValues: addresses.map {
            ($0, TerraformState.Instance(address: $0, type: "aws_instance", attributes: ["id": .string("id-" + $0)]))
        }))
    }

    static func move(_ from: String, _ to: String) -> MoveStatement {
        MoveStatement(from: ResourceAddress(parsing: from)!, to: ResourceAddress(parsing: to)!)
    }

    @Test("instances move with their attributes; chains end at the last address")
    func chains() {
        let moved = Self.state(["aws_instance.a[0]", "aws_instance.a[1]", "aws_instance.keep"])
            .applying([Self.move("aws_instance.b", "aws_instance.c"), Self.move("aws_instance.a", "aws_instance.b")])
        #expect(Set(moved.instances.keys) == ["aws_instance.c[0]", "aws_instance.c[1]", "aws_instance.keep"])
        #expect(moved.instances["aws_instance.c[1]"]?.address == "aws_instance.c[1]")
        #expect(moved.instances["aws_instance.c[1]"]?.liveID == "id-aws_instance.a[1]")
    }

    @Test("a move onto an address the state already holds is skipped, as Terraform skips it")
    func occupied() {
        let state = Self.state(["aws_instance.a", "aws_instance.b"])
        #expect(state.applying([Self.move("aws_instance.a", "aws_instance.b")]) == state)
    }
}
