# The tutorial-style setup drift starts from: one instance from an AMI lookup, the remote-state
# bucket (versioned) and its lock table, with default tags. Scan it: `drift scan --baseline baselines/seed`.
# Credentials come from the usual chain (environment, ~/.aws profile, SSO, instance role): never put
# access_key/secret_key in this file.
provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
