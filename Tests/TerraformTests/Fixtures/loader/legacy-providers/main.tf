provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      Owner = "root"
    }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
  default_tags {
    tags = {
      Owner = "west"
    }
  }
}

module "counted" {
  source = "./modules/own"
  count  = 2
  name   = "counted-${count.index}"
}

module "overridden" {
  source = "./modules/own"
  name   = "overridden"
  providers = {
    aws = aws.west
  }
}

module "proxy" {
  source = "./modules/blank"
  name   = "proxy"
  providers = {
    aws = aws.west
  }
}

module "blank" {
  source = "./modules/blank"
  name   = "blank"
}

resource "aws_s3_bucket" "first" {
  bucket = "legacy-first"
}

module "after" {
  source     = "./modules/own"
  name       = "after"
  depends_on = [aws_s3_bucket.first]
}
