resource "aws_s3_bucket" "logs" {
  bucket = "logs-base"
  tags = {
    Team = "base"
  }
}

resource "aws_dynamodb_table" "t" {
  name     = "table"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  lifecycle {
    ignore_changes = [tags]
  }
}

locals {
  env = "base"
}

resource "test_thing" "env" {
  env = local.env
}
