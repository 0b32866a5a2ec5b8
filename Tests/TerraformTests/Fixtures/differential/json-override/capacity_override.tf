# An override file: the table goes on-demand without touching the JSON.
resource "aws_dynamodb_table" "index" {
  billing_mode = "PAY_PER_REQUEST"
  tags = {
    Name = "index"
    Cost = "low"
  }
}
