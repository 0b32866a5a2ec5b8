terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      Owner  = "root"
      Region = "us-east-1"
    }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"

  default_tags {
    tags = {
      Owner  = "west"
      Region = "us-west-2"
    }
  }
}

provider "aws" {
  alias  = "east2"
  region = "us-east-2"

  default_tags {
    tags = {
      Region = "us-east-2"
    }
  }
}

# Only the aliased configuration is listed: the default one is still inherited.
module "passed" {
  source = "./modules/regional"
  name   = "passed"
  providers = {
    aws.west = aws.west
  }
}

# The child's default is the root's aws.west, and its aws.west the root's aws.east2.
module "swapped" {
  source = "./modules/regional"
  name   = "swapped"
  providers = {
    aws      = aws.west
    aws.west = aws.east2
  }
}

# Repeated calls pass the same configurations to every instance.
module "counted" {
  source = "./modules/counted"
  count  = 2
  name   = "counted-${count.index}"
  providers = {
    aws.replica = aws.east2
  }
}

# No providers argument: the default configuration only (the module uses no alias).
module "plain" {
  source = "./modules/bucket"
  name   = "plain"
}

resource "aws_s3_bucket" "root_west" {
  provider = aws.west
  bucket   = "mpp-root-west"
  tags = {
    Name = "root-west"
  }
}
