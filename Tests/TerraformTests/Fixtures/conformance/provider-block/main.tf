provider "AWS" {
  region = "us-east-1"
}

provider "aws" {
  alias    = "west"
  region   = "us-west-2"
  count    = 2
  source   = "hashicorp/aws"
  lifecycle {}
}

resource "aws_s3_bucket" "b" {
  provider = my_aws
  bucket   = "b"
}
