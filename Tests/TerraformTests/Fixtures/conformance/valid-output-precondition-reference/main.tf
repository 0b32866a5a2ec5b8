resource "aws_s3_bucket" "a" {
  bucket = "a"
}
output "o" {
  value = aws_s3_bucket.a.bucket
  precondition {
    condition     = aws_s3_bucket.a.bucket != ""
    error_message = "x"
  }
}
