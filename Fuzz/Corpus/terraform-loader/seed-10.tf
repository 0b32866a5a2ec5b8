terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "env" {
  type = string
}

locals {
  owner = "legacy-${var.env}"
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Owner = local.owner
      Env   = var.env
      Drop  = "never-seen"
    }
  }

  ignore_tags {
    keys         = ["Drop"]
    key_prefixes = ["tmp:"]
  }
}

provider "aws" {
  alias  = "tagged"
  region = "us-west-2"

  default_tags {
    tags = {
      Alias = "tagged"
    }
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "mp-legacy-${var.env}"
  tags = {
    Name      = "data"
    "tmp:run" = "1"
  }
}

resource "aws_s3_bucket" "aliased" {
  provider = aws.tagged
  bucket   = "mp-legacy-aliased"
}

resource "aws_dynamodb_table" "locks" {
  name         = "mp-legacy-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }

  tags = {
    Owner = "table"
  }
}

# Inherits this module's own default provider.
module "inner" {
  source = "../inner"
  name   = "mp-inner-default"
}

# Gets this module's aliased provider as its default.
module "inner_tagged" {
  source = "../inner"
  name   = "mp-inner-tagged"
  providers = {
    aws = aws.tagged
  }
}
