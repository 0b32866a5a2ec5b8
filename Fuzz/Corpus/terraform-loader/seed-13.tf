variable "name" { type = string }
variable "hash_key" { type = string }
variable "range_key" {
  type    = string
  default = null
}

resource "aws_dynamodb_table" "this" {
  name         = var.name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = var.hash_key
  range_key    = var.range_key

  dynamic "attribute" {
    for_each = compact([var.hash_key, var.range_key])
    content {
      name = attribute.value
      type = "S"
    }
  }

  stream_enabled   = var.range_key != null
  stream_view_type = var.range_key != null ? "NEW_AND_OLD_IMAGES" : null
}

output "name" {
  value = aws_dynamodb_table.this.name
}
