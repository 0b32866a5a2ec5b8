# Arguments terraform plan shows differently from a plain default fill: a ttl block that names an
# attribute without enabling it, lifecycle configuration rules whose optional+computed members the
# plan already knows, and an instance whose network interface makes source_dest_check null.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_dynamodb_table" "ttl_name_only" {
  name         = "gaps-ttl-name-only"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    attribute_name = "expires"
  }
}

resource "aws_dynamodb_table" "ttl_disabled" {
  name         = "gaps-ttl-disabled"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    attribute_name = "expires"
    enabled        = false
  }
}

resource "aws_dynamodb_table" "ttl_empty_name" {
  name         = "gaps-ttl-empty-name"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    attribute_name = ""
    enabled        = false
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "rules" {
  bucket = "gaps-lifecycle"

  rule {
    id     = "no-filter"
    status = "Enabled"

    expiration {
      days = 30
    }
  }

  rule {
    id     = "empty-filter"
    status = "Enabled"

    filter {}

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }

  rule {
    id     = "prefix-filter"
    status = "Enabled"

    filter {
      prefix = "logs/"
    }

    transition {
      storage_class = "GLACIER"
    }

    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }

  rule {
    id     = "size-filter"
    status = "Disabled"

    filter {
      object_size_greater_than = 1024
    }

    expiration {
      expired_object_delete_marker = true
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  rule {
    id     = "and-filter"
    status = "Enabled"

    filter {
      and {
        prefix = "tmp/"
        tags = {
          Kind = "scratch"
        }
      }
    }

    expiration {
      date = "2030-01-01T00:00:00Z"
    }
  }

  rule {
    id     = "dated"
    status = "Enabled"

    filter {
      prefix = ""
    }

    transition {
      date          = "2030-01-01T00:00:00Z"
      storage_class = "DEEP_ARCHIVE"
    }
  }

  rule {
    id     = "and-no-prefix"
    status = "Enabled"

    filter {
      and {
        object_size_greater_than = 500
        tags = {
          Kind = "big"
        }
      }
    }

    expiration {
      days = 10
    }
  }

  rule {
    id     = "tag-filter"
    status = "Enabled"
    prefix = "legacy/"

    expiration {
      days = 1
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "sized" {
  bucket                                 = "gaps-lifecycle-sized"
  transition_default_minimum_object_size = "varies_by_storage_class"

  rule {
    id     = "tag"
    status = "Enabled"

    filter {
      tag {
        key   = "Kind"
        value = "old"
      }
    }

    expiration {
      days = 365
    }
  }
}

resource "aws_instance" "eni" {
  ami           = "ami-12c6146b"
  instance_type = "t3.micro"

  network_interface {
    network_interface_id = "eni-12345678"
    device_index         = 0
  }
}

resource "aws_instance" "plain" {
  ami           = "ami-12c6146b"
  instance_type = "t3.micro"
  subnet_id     = "subnet-12345678"
}

# References see what plan shows, suppressed and plan-known values included.
resource "aws_s3_bucket" "refs" {
  for_each = {
    ttl-name       = coalesce(aws_dynamodb_table.ttl_name_only.ttl[0].attribute_name, "null")
    ttl-empty      = aws_dynamodb_table.ttl_empty_name.ttl[0].attribute_name == "" ? "empty" : "other"
    eni-check      = aws_instance.eni.source_dest_check == null ? "null" : "set"
    plain-check    = tostring(aws_instance.plain.source_dest_check)
    rule-prefix    = aws_s3_bucket_lifecycle_configuration.rules.rule[0].prefix == "" ? "empty" : "other"
    marker         = tostring(aws_s3_bucket_lifecycle_configuration.rules.rule[0].expiration[0].expired_object_delete_marker)
    empty-filter   = aws_s3_bucket_lifecycle_configuration.rules.rule[1].filter[0].prefix == "" ? "empty" : "other"
    size-filter    = aws_s3_bucket_lifecycle_configuration.rules.rule[3].filter[0].prefix == null ? "null" : "set"
    and-size       = tostring(aws_s3_bucket_lifecycle_configuration.rules.rule[4].filter[0].and[0].object_size_less_than)
    min-size       = aws_s3_bucket_lifecycle_configuration.rules.transition_default_minimum_object_size
  }

  bucket = "gaps-refs-${each.key}"

  tags = {
    Value = each.value
  }
}
