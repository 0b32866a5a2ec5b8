terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

module "leaf" {
  source = "../leaf"
  providers = {
    aws = aws
  }
}
