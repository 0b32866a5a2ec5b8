provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Owner = "sre"
      Team  = "platform"
      Skip  = "me"
    }
  }

  ignore_tags {
    keys = ["Skip"]
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_s3_bucket" "merged" {
  bucket = "merged"
  tags = {
    Team = "web"
    Name = "merged"
  }
}

resource "aws_s3_bucket" "only_defaults" {
  bucket = "only-defaults"
}

resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "west"
}
