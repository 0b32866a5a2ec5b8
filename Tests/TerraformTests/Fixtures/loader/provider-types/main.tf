# Provider configurations passed to a child whose local name stands for another provider type.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

# The child declares hashicorp/aws as "hcaws": the message names that local name.
module "typed" {
  source = "./modules/typed"
  providers = {
    aws      = aws
    aws.west = aws.west
    hcaws    = aws
  }
}
