data "aws_caller_identity" "me" {
  lifecycle {
    create_before_destroy = true
  }
}
