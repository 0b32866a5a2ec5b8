terraform {
  backend "s3" {
    bucket               = "acme-state"
    key                  = "prod/terraform.tfstate"
    region               = "eu-west-1"
    workspace_key_prefix = "envs"
    profile              = "state-reader"
    role_arn             = "arn:aws:iam::123456789012:role/state"
  }
}

provider "aws" {
  region     = "eu-west-1"
  profile    = "prod"
  access_key = "AKIAEXAMPLE"
  secret_key = "do-not-print-me"

  assume_role {
    role_arn     = "arn:aws:iam::123456789012:role/deploy"
    session_name = "drift"
    external_id  = "ext-1"
  }

  ignore_tags {
    key_prefixes = ["kubernetes.io/"]
  }
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

module "store" {
  source = "./modules/store"
  providers = {
    aws = aws.dr
  }
}
