ephemeral "aws_secretsmanager_secret_version" "db" {
  secret_id = "db-password"
}

locals {
  password = ephemeral.aws_secretsmanager_secret_version.db.secret_string
}

resource "aws_ssm_parameter" "p" {
  name             = "db"
  type             = "SecureString"
  value_wo         = local.password
  value_wo_version = 1
}

resource "aws_s3_bucket" "b" {
  bucket = "fixed"
  tags = {
    Secret = ephemeralasnull(local.password)
  }
}
