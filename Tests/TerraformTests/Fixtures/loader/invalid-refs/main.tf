resource "aws_s3_bucket" "b" {
  bucket   = var.missing
  tags     = { Name = local.nope }
  colour   = "blue"
  policy   = aws_s3_bucket.ghost.id
}

resource "aws_instance" "i" {
  count         = 1
  ami           = "ami-12345678"
  instance_type = each.key

  root_device {
    size = 8
  }
}
