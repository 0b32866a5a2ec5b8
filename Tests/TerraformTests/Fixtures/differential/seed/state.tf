# The remote-state bucket and lock table that backend.tf points at, declared so that they are
# managed (and scanned) too.
resource "aws_s3_bucket" "state" {
  bucket = "terraform-s3-cwchoi"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_dynamodb_table" "lock" {
  name         = "terraform-db-cwchoi"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }
}
