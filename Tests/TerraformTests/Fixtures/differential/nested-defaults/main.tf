# Nested blocks declared with only some of their arguments: terraform plan fills each unset optional
# argument inside a declared block of these (SDKv2) resources with its zero value or provider
# default (replica propagate_tags = false, grant id = ""), which drift's baseline must show too.
# Blocks left out stay absent.
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

resource "aws_dynamodb_table" "orders" {
  name             = "nested-orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  range_key        = "sk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  attribute {
    name = "status"
    type = "S"
  }
  attribute {
    name = "created"
    type = "N"
  }

  global_secondary_index {
    name            = "by-status"
    hash_key        = "status"
    projection_type = "KEYS_ONLY"
  }
  global_secondary_index {
    name               = "by-status-created"
    hash_key           = "status"
    range_key          = "created"
    projection_type    = "INCLUDE"
    non_key_attributes = ["total"]
  }

  local_secondary_index {
    name            = "by-created"
    range_key       = "created"
    projection_type = "ALL"
  }

  replica {
    region_name = "us-west-2"
  }
  replica {
    region_name    = "eu-west-1"
    propagate_tags = true
  }

  # `attribute_name = "x"` alone (plan shows it null while enabled is not true): see plan-gaps.
  ttl {}

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Name = "orders"
  }
}

resource "aws_dynamodb_table" "sessions" {
  name           = "nested-sessions"
  hash_key       = "id"
  read_capacity  = 2
  write_capacity = 2

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    enabled        = true
    attribute_name = "ttl"
  }
}

resource "aws_instance" "app" {
  ami           = "ami-12c6146b"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
  }
  ebs_block_device {
    device_name           = "/dev/sdg"
    volume_size           = 10
    delete_on_termination = false
  }

  ephemeral_block_device {
    device_name = "/dev/sdc"
    no_device   = true
  }

  metadata_options {
    http_tokens = "required"
  }

  credit_specification {
    cpu_credits = "standard"
  }

  capacity_reservation_specification {
    capacity_reservation_preference = "open"
  }

  maintenance_options {
    auto_recovery = "default"
  }

  tags = {
    Name = "app"
  }
}

resource "aws_instance" "blank_blocks" {
  ami           = "ami-12c6146b"
  instance_type = "t3.small"

  root_block_device {}
  metadata_options {}
  credit_specification {}
  enclave_options {}
  private_dns_name_options {}
}

resource "aws_s3_bucket" "legacy" {
  bucket = "nested-legacy-bucket"

  versioning {
    enabled = true
  }

  lifecycle_rule {
    id      = "logs"
    enabled = true
    prefix  = "logs/"

    expiration {
      days = 90
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    noncurrent_version_expiration {
      days = 30
    }

    noncurrent_version_transition {
      days          = 10
      storage_class = "GLACIER"
    }
  }

  lifecycle_rule {
    enabled                                = true
    abort_incomplete_multipart_upload_days = 7
  }

  cors_rule {
    allowed_methods = ["GET", "HEAD"]
    allowed_origins = ["https://example.com"]
  }

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["PUT"]
    allowed_origins = ["*"]
    max_age_seconds = 300
  }

  grant {
    type        = "Group"
    permissions = ["READ_ACP", "WRITE"]
    uri         = "http://acs.amazonaws.com/groups/s3/LogDelivery"
  }

  grant {
    type        = "CanonicalUser"
    id          = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    permissions = ["FULL_CONTROL"]
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }

  logging {
    target_bucket = "nested-log-bucket"
  }

  website {
    index_document = "index.html"
  }
}

resource "aws_s3_bucket" "replicated" {
  bucket = "nested-replicated-bucket"

  versioning {
    mfa_delete = false
  }

  replication_configuration {
    role = "arn:aws:iam::123456789012:role/replication"

    rules {
      status = "Enabled"

      filter {
        prefix = "docs/"
      }

      destination {
        bucket = "arn:aws:s3:::nested-replica-bucket"

        metrics {}

        replication_time {
          minutes = 15
        }
      }
    }
  }

  object_lock_configuration {
    object_lock_enabled = "Enabled"

    rule {
      default_retention {
        mode = "GOVERNANCE"
        days = 1
      }
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "split" {
  bucket = aws_s3_bucket.replicated.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_acl" "split" {
  bucket = aws_s3_bucket.replicated.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "READ_ACP"
    }

    grant {
      grantee {
        id   = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}

resource "aws_s3_bucket_logging" "split" {
  bucket        = aws_s3_bucket.replicated.id
  target_bucket = "nested-log-bucket"
  target_prefix = "replicated/"

  target_grant {
    grantee {
      type          = "AmazonCustomerByEmail"
      email_address = "ops@example.com"
    }
    permission = "READ"
  }

  target_object_key_format {
    partitioned_prefix {
      partition_date_source = "EventTime"
    }
  }
}

resource "aws_s3_bucket_versioning" "split" {
  bucket = aws_s3_bucket.replicated.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_ownership_controls" "split" {
  bucket = aws_s3_bucket.replicated.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

# References to members a declared block leaves unset see what plan fills in.
resource "aws_s3_bucket" "refs" {
  for_each = {
    replica-propagate = tostring(one([for r in aws_dynamodb_table.orders.replica : r.propagate_tags if r.region_name == "us-west-2"]))
    replica-kms       = one([for r in aws_dynamodb_table.orders.replica : r.kms_key_arn == null if r.region_name == "us-west-2"]) ? "null" : "set"
    ttl-enabled       = tostring(aws_dynamodb_table.sessions.ttl[0].enabled)
    index-range-key   = join(",", sort([for i in aws_dynamodb_table.orders.global_secondary_index : i.range_key]))
    http-endpoint     = aws_instance.blank_blocks.metadata_options[0].http_endpoint
    root-delete       = tostring(aws_instance.app.root_block_device[0].delete_on_termination)
    grant-ids         = join(",", sort([for g in aws_s3_bucket.legacy.grant : g.id]))
    cors-max-age      = aws_s3_bucket.legacy.cors_rule[0].max_age_seconds == null ? "null" : "set"
    transitions       = tostring(length(aws_s3_bucket.legacy.lifecycle_rule[1].transition))
    metrics-minutes   = tostring(one(aws_s3_bucket.replicated.replication_configuration[0].rules).destination[0].metrics[0].minutes)
    grantee-uri       = join(",", sort([for g in aws_s3_bucket_acl.split.access_control_policy[0].grant : g.grantee[0].uri]))
  }

  bucket = "nested-refs-${each.key}"

  tags = {
    Value = each.value
  }
}
