resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = ["aws_s3_bucket.a"]
  provisioner "local-exec" {
    when    = "create"
    command = "true"
  }
}
