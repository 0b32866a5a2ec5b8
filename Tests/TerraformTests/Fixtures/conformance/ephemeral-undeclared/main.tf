resource "aws_s3_bucket" "b" {
  bucket = ephemeral.aws_secretsmanager_secret_version.nope.secret_string
}
