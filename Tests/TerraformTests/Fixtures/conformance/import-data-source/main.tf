import {
  to = data.aws_caller_identity.me
  id = "x"
}
data "aws_caller_identity" "me" {}
