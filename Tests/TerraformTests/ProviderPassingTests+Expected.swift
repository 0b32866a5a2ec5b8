extension ProviderPassingTests {
    /// `Fixtures/loader/provider-passing`, each text as terraform 1.11 words it (summary, then
    /// detail), located at what it names: terraform gives the module block for the first two and no
    /// location for the others. Terraform stops at load errors (the first two) and then at the
    /// first graph error; drift reports them all at once.
    static let expectedErrors = [
        """
        main.tf:11:1: error: Missing required provider configuration
        module "unpassed" {
        ^
        The child module requires an additional configuration for provider hashicorp/aws, with the local name "aws.west".
        Refer to the module's documentation to understand the intended purpose of this additional provider configuration, and then add an entry for aws.west in the "providers" meta-argument in the module block to choose which provider configuration the module should use for that purpose.
        """,
        """
        main.tf:11:1: error: Missing required provider configuration
        module "unpassed" {
        ^
        The child module requires an additional configuration for provider hashicorp/aws, with the local name "aws.east".
        Refer to the module's documentation to understand the intended purpose of this additional provider configuration, and then add an entry for aws.east in the "providers" meta-argument in the module block to choose which provider configuration the module should use for that purpose.
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
    ]
}
