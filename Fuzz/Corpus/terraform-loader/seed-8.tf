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
      Owner = "root"
      Team  = "platform"
    }
  }
}

variable "env" {
  type    = string
  default = "prod"
}

# A legacy module: it configures its own provider "aws" (and an aliased one).
module "legacy" {
  source = "./modules/legacy"
  env    = var.env
}

# A module without provider blocks inherits the root's default provider.
module "plain" {
  source = "./modules/plain"
  name   = "root-plain"
}

resource "aws_s3_bucket" "root" {
  bucket = "mp-root-${var.env}"
  tags = {
    Name = "root"
  }
}
