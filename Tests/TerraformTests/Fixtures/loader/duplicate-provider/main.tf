# One provider type required twice, or under another name than its provider blocks and resources use.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    awsalt = {
      source = "hashicorp/aws"
    }
    myrandom = {
      source = "hashicorp/random"
    }
  }
}

provider "random" {}

resource "random_id" "r" {
  byte_length = 4
}

data "random_thing" "t" {}

resource "aws_s3_bucket" "b" {
  bucket = "x"
}
