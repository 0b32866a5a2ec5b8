terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west]
    }
  }
}

variable "name" {
  type = string
}

resource "aws_s3_bucket" "home" {
  bucket = "mpp-${var.name}-home"
  tags = {
    Name = "${var.name}-home"
  }
}

resource "aws_s3_bucket" "away" {
  provider = aws.west
  bucket   = "mpp-${var.name}-away"
  tags = {
    Name = "${var.name}-away"
  }
}

resource "aws_dynamodb_table" "away" {
  provider     = aws.west
  name         = "mpp-${var.name}-away"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

# Inherits this module's default configuration.
module "inherits" {
  source = "../bucket"
  name   = "${var.name}-inherits"
}

# Gets this module's aws.west as its default.
module "west" {
  source = "../bucket"
  name   = "${var.name}-west"
  providers = {
    aws = aws.west
  }
}

# Passes this module's aws.west on under the same name.
module "relayed" {
  source = "../counted"
  name   = "${var.name}-relayed"
  providers = {
    aws.replica = aws.west
  }
}
