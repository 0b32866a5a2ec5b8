import DriftModel
import Terraform
import Testing

@Suite("Variable values follow Terraform's precedence")
struct VariablePrecedenceTests {
    @Test("each later source wins: default < TF_VAR < tfvars < tfvars.json < auto by name < files and vars in order")
    func precedenceOrder() throws {
        let baseline = LoaderFixtures.load(
            "precedence",
            arguments: [.file(LoaderFixtures.root + "/precedence/extra.tfvars"), .assignment("g=cli")],
            environment: ["TF_VAR_b": "env", "TF_VAR_c": "env", "TF_VAR_a_undeclared": "ignored"])
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let values = try #require(baseline.resource("test_thing.all")?.attributes["values"])
        #expect(values == [
            "a": "default", "b": "env", "c": "terraform.tfvars", "d": "terraform.tfvars.json",
            "e": "b.auto.tfvars", "f": "extra.tfvars", "g": "cli",
        ])
    }

    @Test("a --var given before a --var-file loses to it, as on Terraform's command line")
    func commandLineOrder() throws {
        let baseline = LoaderFixtures.load(
            "precedence",
            arguments: [.assignment("g=cli"), .file(LoaderFixtures.root + "/precedence/extra.tfvars")])
        #expect(baseline.resource("test_thing.all")?.attributes["values"]?["g"] == "extra.tfvars")
    }

    @Test("TF_VAR strings are converted to primitive types, complex types are parsed as HCL")
    func environmentConversion() throws {
        let baseline = LoaderFixtures.load(
            "precedence", environment: ["TF_VAR_n": "42", "TF_VAR_l": "[\"x\", \"y\"]"])
        let thing = try #require(baseline.resource("test_thing.all"))
        #expect(thing.attributes["n"] == 42)
        #expect(thing.attributes["l"] == ["x", "y"])
    }

    @Test("a --var for an undeclared variable is an error")
    func undeclaredCommandLineVariable() {
        let baseline = LoaderFixtures.load("precedence", arguments: [.assignment("nope=1")])
        #expect(baseline.errorMessages == ["Value for undeclared variable"])
    }

    @Test("validation rules are checked and a required variable without a value is an error")
    func validationAndRequired() {
        let baseline = LoaderFixtures.load("validation")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:6:21: error: Invalid value for variable
                condition     = var.env == "dev" || var.env == "prod"
                                ^
            env must be dev or prod.
            This was checked by the validation rule at main.tf:6:5.
            """,
            """
            main.tf:11:1: error: No value for required variable
            variable "required" {
            ^
            The root module input variable "required" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.
            """,
        ])
    }

    @Test("a valid value passes validation")
    func validationPasses() {
        let baseline = LoaderFixtures.load("validation", arguments: [.assignment("env=prod"), .assignment("required=x")])
        #expect(baseline.diagnostics.isEmpty)
    }
}
