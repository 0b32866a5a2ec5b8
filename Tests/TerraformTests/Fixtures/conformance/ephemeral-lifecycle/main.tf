ephemeral "aws_secretsmanager_secret_version" "db" {
  secret_id = "x"
  lifecycle {
    prevent_destroy = true
  }
}
