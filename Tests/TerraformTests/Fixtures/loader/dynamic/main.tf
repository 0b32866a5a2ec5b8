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

# Zero blocks from a dynamic block are no block, at the top and nested.
resource "aws_instance" "none" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = []
    content {
      device_name = "/dev/sdf"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "none" {
  bucket = "b"
  rule {
    id     = "r"
    status = "Enabled"
    dynamic "transition" {
      for_each = {}
      content {
        days          = 30
        storage_class = "GLACIER"
      }
    }
  }
}
