resource "aws_s3_bucket" "a" {
  count  = 2
  bucket = "a"
}
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "b"
  lifecycle {
    replace_triggered_by = [aws_s3_bucket.a[count.index].id, aws_s3_bucket.a[0]]
  }
}
