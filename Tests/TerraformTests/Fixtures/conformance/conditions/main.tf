resource "aws_s3_bucket" "b" {
  bucket = "b"
  lifecycle {
    precondition {
      condition     = true
      error_message = "Constant."
    }
    postcondition {
      condition     = aws_s3_bucket.b.bucket != ""
      error_message = "Self by name."
    }
    precondition {
      error_message = "No condition."
    }
  }
}
