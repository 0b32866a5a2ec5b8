variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = "legacy-${var.name}"
  tags = {
    Name = var.name
  }
}
