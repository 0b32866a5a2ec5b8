terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west, aws.east]
    }
  }
}

resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "pp-needs-west"
}
