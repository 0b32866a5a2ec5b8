provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

# Declares configuration_aliases = [aws.west, aws.east]; neither is passed.
module "unpassed" {
  source = "./modules/needs-west"
}

# Uses aws.west without declaring or receiving it: aliases are never inherited.
module "implicit" {
  source = "./modules/uses-west"
  count  = 2
}

# Passes a configuration the root does not have.
module "nope" {
  source = "./modules/needs-west"
  providers = {
    aws.west = aws.nope
    aws.east = aws.west
  }
}

# Receives aws.west, but does not pass it on to its own child.
module "relay" {
  source = "./modules/relay"
  providers = {
    aws.west = aws.west
  }
}

resource "aws_s3_bucket" "orphan" {
  provider = aws.gone
  bucket   = "pp-orphan"
}

data "aws_region" "gone" {
  provider = aws.gone
}
