# A configuration of example/aws passed as "aws" to a child that does not declare "aws", which
# therefore stands for hashicorp/aws (no sibling call's child declares "aws" either).
terraform {
  required_providers {
    myaws = {
      source = "example/aws"
    }
  }
}

provider "myaws" {
  alias = "x"
}

module "plain" {
  source = "./modules/plain"
  providers = {
    aws = myaws.x
  }
}
