import ArgumentParser
import DriftCore
import Foundation

/// The options `scan` and `check` share: state, variables and how to reach AWS.
struct DriftSessionOptions: ParsableArguments {
    @Option(help: "A Terraform state file (default: the baseline's backend \"s3\", else its terraform.tfstate).")
    var state: String?

    @Option(name: .customLong("var-file"), help: "A variables file, as for terraform plan (repeatable).")
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: "NAME=VALUE, as for terraform plan (repeatable).")
    var vars: [String] = []

    @Option(help: "Region to scan (default: the provider block's, else AWS_REGION).")
    var region: String?

    @Option(help: "AWS profile (default: the provider block's, else AWS_PROFILE).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every AWS call to this endpoint (e.g. a local emulator).")
    var endpointURL: String?

    @OptionGroup var network: NetworkOptions

    func settings(baseline: String) -> SessionSettings {
        var settings = SessionSettings(
            baselineDirectory: baseline, statePath: state, varFiles: varFiles, vars: vars, region: region,
            profile: profile, endpointURL: endpointURL)
        settings.connectTimeout = network.connectTimeout
        settings.readTimeout = network.readTimeout
        settings.deadline = network.deadlineDate()
        return settings
    }
}
