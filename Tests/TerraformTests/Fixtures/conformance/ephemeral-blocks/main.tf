ephemeral "aws_secretsmanager_secret_version" "db" {
  secret_id = "db-password"
}

resource "aws_s3_bucket" "b" {
  bucket = "fixed"
  tags = {
    Secret = ephemeral.aws_secretsmanager_secret_version.db.secret_string
  }
}
