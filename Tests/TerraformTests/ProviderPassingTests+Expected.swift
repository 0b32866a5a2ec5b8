extension ProviderPassingTests {
    /// `Fixtures/loader/provider-passing`, each text as terraform 1.11 words it (summary, then
    /// detail), located at what it names: terraform gives the module block for the first two and no
    /// location for the others (data sources included). Terraform stops at load errors (the first two) and then at the
    /// first graph error; drift reports them all at once, errors at one place ordered by their text
    /// (terraform's order of the two configuration_aliases errors varies from run to run).
    static let expectedErrors = [
        """
        main.tf:11:1: error: Missing required provider configuration
        module "unpassed" {
        ^
        The child module requires an additional configuration for provider hashicorp/aws, with the local name "aws.east".
        Refer to the module's documentation to understand the intended purpose of this additional provider configuration, and then add an entry for aws.east in the "providers" meta-argument in the module block to choose which provider configuration the module should use for that purpose.
        """,
        """
        main.tf:11:1: error: Missing required provider configuration
        module "unpassed" {
        ^
        The child module requires an additional configuration for provider hashicorp/aws, with the local name "aws.west".
        Refer to the module's documentation to understand the intended purpose of this additional provider configuration, and then add an entry for aws.west in the "providers" meta-argument in the module block to choose which provider configuration the module should use for that purpose.
        """,
        """
        main.tf:25:16: error: missing provider provider["registry.terraform.io/hashicorp/aws"].nope
            aws.west = aws.nope
                       ^
        """,
        """
        main.tf:39:14: error: Provider configuration not present
          provider = aws.gone
                     ^
        To work with aws_s3_bucket.orphan its original provider configuration at provider["registry.terraform.io/hashicorp/aws"].gone is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy aws_s3_bucket.orphan, after which you can remove the provider configuration again.
        """,
        """
        main.tf:44:14: error: Provider configuration not present
          provider = aws.gone
                     ^
        To work with data.aws_region.gone its original provider configuration at provider["registry.terraform.io/hashicorp/aws"].gone is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy data.aws_region.gone, after which you can remove the provider configuration again.
        """,
        """
        modules/relay/main.tf:18:16: error: missing provider module.relay.provider["registry.terraform.io/hashicorp/aws"].east
            aws.east = aws.east
                       ^
        """,
        """
        modules/uses-west/main.tf:2:14: error: Provider configuration not present
          provider = aws.west
                     ^
        To work with module.implicit.aws_s3_bucket.west its original provider configuration at module.implicit.provider["registry.terraform.io/hashicorp/aws"].west is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy module.implicit.aws_s3_bucket.west, after which you can remove the provider configuration again.
        """,
        """
        modules/uses-west/main.tf:2:14: error: Provider configuration not present
          provider = aws.west
                     ^
        To work with module.relay.module.leaf.aws_s3_bucket.west its original provider configuration at module.relay.module.leaf.provider["registry.terraform.io/hashicorp/aws"].west is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy module.relay.module.leaf.aws_s3_bucket.west, after which you can remove the provider configuration again.
        """,
        """
        modules/uses-west/main.tf:7:14: error: Provider configuration not present
          provider = aws.west
                     ^
        To work with module.implicit.data.aws_region.west its original provider configuration at module.implicit.provider["registry.terraform.io/hashicorp/aws"].west is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy module.implicit.data.aws_region.west, after which you can remove the provider configuration again.
        """,
        """
        modules/uses-west/main.tf:7:14: error: Provider configuration not present
          provider = aws.west
                     ^
        To work with module.relay.module.leaf.data.aws_region.west its original provider configuration at module.relay.module.leaf.provider["registry.terraform.io/hashicorp/aws"].west is required, but it has been removed. This occurs when a provider configuration is removed while objects created by that provider still exist in the state. Re-add the provider configuration to destroy module.relay.module.leaf.data.aws_region.west, after which you can remove the provider configuration again.
        """,
    ]

    /// `Fixtures/loader/provider-passing-defaults`: the warnings are `terraform validate`'s, at
    /// its locations; terraform reports only the first "missing provider" error, without location.
    static let expectedDefaults = [
        """
        main.tf:6:11: error: missing provider provider["registry.terraform.io/hashicorp/aws"]
            aws = aws
                  ^
        """,
        """
        modules/relay/main.tf:12:11: error: missing provider module.relay.provider["registry.terraform.io/hashicorp/aws"]
            aws = aws
                  ^
        """,
        """
        main.tf:6:5: warning: Reference to undefined provider
            aws = aws
            ^
        There is no explicit declaration for local provider name "aws" in module.direct, so Terraform is assuming you mean to pass a configuration for "hashicorp/aws".
        If you also control the child module, add a required_providers entry named "aws" with the source address "hashicorp/aws".
        """,
        """
        main.tf:6:11: warning: Reference to undefined provider
            aws = aws
                  ^
        There is no explicit declaration for local provider name "aws" in the root module, so Terraform is assuming you mean to pass a configuration for provider "hashicorp/aws".
        To clarify your intent and silence this warning, add to the root module a required_providers entry named "aws" with source = "hashicorp/aws", or a different source address if appropriate.
        """,
        """
        main.tf:11:1: warning: Missing required provider configuration
        module "relay" {
        ^
        The configuration for module.relay expects to inherit a configuration for provider hashicorp/aws with local name "aws", but the root module doesn't pass a configuration under that name.
        To satisfy this requirement, add an entry for "aws" to the "providers" argument in the module "relay" block.
        """,
        """
        modules/relay/main.tf:12:5: warning: Reference to undefined provider
            aws = aws
            ^
        There is no explicit declaration for local provider name "aws" in module.relay.module.leaf, so Terraform is assuming you mean to pass a configuration for "hashicorp/aws".
        If you also control the child module, add a required_providers entry named "aws" with the source address "hashicorp/aws".
        """,
    ]
}
