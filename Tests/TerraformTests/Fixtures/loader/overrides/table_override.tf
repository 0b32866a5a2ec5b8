resource "aws_dynamodb_table" "t" {
  hash_key = "pk"

  attribute {
    name = "pk"
    type = "N"
  }
}
