ephemeral "aws_secretsmanager_secret_version" "db" {
  secret_id = "db-password"
}

resource "aws_s3_bucket" "b" {
  bucket = "fixed"
  tags = {
    Secret = ephemeral.aws_secretsmanager_secret_version.db.secret_string
  }
}

variable "token" {
  type      = string
  ephemeral = true
  default   = "t"
}

locals {
  token_tag = "t-${var.token}"
}

resource "aws_s3_bucket" "c" {
  bucket = "c"
  tags = {
    Token = local.token_tag
  }
}
