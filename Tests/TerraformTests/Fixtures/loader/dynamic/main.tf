variable "attributes" {
  default = [
    { name = "pk", type = "S" },
    { name = "sk", type = "N" },
  ]
}

resource "aws_dynamodb_table" "t" {
  name      = "dyn"
  hash_key  = "pk"
  range_key = "sk"

  dynamic "attribute" {
    for_each = var.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }
}

resource "test_thing" "nested" {
  dynamic "rule" {
    for_each = { a = ["x", "y"], b = ["z"] }
    iterator = r
    content {
      id = r.key
      dynamic "item" {
        for_each = r.value
        content {
          value = "${r.key}-${item.value}"
        }
      }
    }
  }
}
