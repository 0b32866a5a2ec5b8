resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket" "b" {
  count  = 1
  bucket = "b"
  lifecycle {
    replace_triggered_by = [aws_s3_bucket.a, var.x, aws_s3_bucket.a.id[count.value], aws_s3_bucket]
  }
}

variable "x" {
  default = 1
}
