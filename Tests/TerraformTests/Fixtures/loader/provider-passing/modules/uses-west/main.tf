resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "pp-uses-west"
}
