# A small shop, created in the tests by boto3 exactly as written here.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Team = "shop"
    }
  }
}

variable "region" {
  default = "eu-west-1"
}

# data.aws_ami.base is in images.tf: a lookup as real configurations write it,
# by owner and name (moto answers an unfiltered one with every Amazon image).
# drift scan and drift check read it as terraform plan does.
#

resource "aws_instance" "web" {
  ami           = data.aws_ami.base.id
  instance_type = "t2.micro"

  tags = {
    Name = "shop-web"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets"
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecure"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::shop-assets", "arn:aws:s3:::shop-assets/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_dynamodb_table" "orders" {
  name         = "shop-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
