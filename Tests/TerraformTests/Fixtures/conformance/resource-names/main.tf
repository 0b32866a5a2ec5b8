resource "aws_s3_bucket" "1st" {
  bucket = "b"
}

data "aws caller" "me" {}
