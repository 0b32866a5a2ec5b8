variable "x" {
  default = true
}
resource "aws_s3_bucket" "a" {
  bucket = "a"
  lifecycle {
    create_before_destroy = var.x
  }
}
