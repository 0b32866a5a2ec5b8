resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "pp-uses-west"
}

data "aws_region" "west" {
  provider = aws.west
}
