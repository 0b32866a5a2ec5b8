terraform {
  required_providers {
    aws = {
      source                = "example/aws"
      configuration_aliases = [aws.west]
    }
    hcaws = {
      source = "hashicorp/aws"
    }
  }
}

# The grandchild's "gaws" is other/gaws: the message names both types.
module "grand" {
  source = "./grand"
  providers = {
    gaws = hcaws
  }
}
