resource "aws_s3_bucket" "b" {
  bucket = "b"
  lifecycle {
    create_before_destroy = "yes"
    prevent_destroy       = "false"
  }
}
