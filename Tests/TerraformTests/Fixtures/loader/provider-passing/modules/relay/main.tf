terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west]
    }
  }
}

module "leaf" {
  source = "../uses-west"
}

module "forwards" {
  source = "../needs-west"
  providers = {
    aws.west = aws.west
    aws.east = aws.east
  }
}
