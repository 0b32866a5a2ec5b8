terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.replica]
    }
  }
}

variable "name" {
  type = string
}

resource "aws_s3_bucket" "primary" {
  bucket = "mpp-${var.name}-primary"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  count    = 2
  bucket   = "mpp-${var.name}-replica-${count.index}"
  tags = {
    Copy = tostring(count.index)
  }
}

# The replica configuration reaches a grandchild only when passed again.
module "leaf" {
  source = "../bucket"
  name   = "${var.name}-leaf"
  providers = {
    aws = aws.replica
  }
}
