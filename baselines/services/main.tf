# A multi-service example: modules with for_each and count, tfvars, optional() defaults, dynamic
# blocks, the split S3 bucket resources and a second (aliased) provider region.
# Scan it: `drift scan --baseline baselines/services`; see what drift reads: `drift baseline --baseline baselines/services`.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Owner   = var.owner
      Project = local.project
    }
  }
}

provider "aws" {
  alias  = "backup"
  region = "us-west-2"
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

locals {
  project = "atlas"
  envs    = toset(["dev", "prod"])
  service_map = {
    for name, cfg in var.services : name => merge(cfg, { size = lower(cfg.size) })
  }
  bucket_names = [for e in sort(tolist(local.envs)) : format("%s-%s-artifacts", local.project, e)]
  common = {
    Terraform = "true"
    Stack     = upper(local.project)
  }
}

module "service" {
  source   = "./modules/service"
  for_each = local.service_map

  name          = each.key
  instance_type = each.value.size
  node_count    = each.value.nodes
  ami           = data.aws_ami.base.id
  tags          = merge(local.common, { Service = each.key })
}

module "tables" {
  source = "./modules/table"
  count  = length(var.tables)

  name      = "${local.project}-${var.tables[count.index]}"
  hash_key  = "pk"
  range_key = count.index == 0 ? "sk" : null
}

resource "aws_s3_bucket" "artifacts" {
  for_each = toset(local.bucket_names)
  bucket   = each.value
  tags = merge(local.common, {
    Name = each.key
  })
}

resource "aws_s3_bucket_versioning" "artifacts" {
  for_each = aws_s3_bucket.artifacts
  bucket   = each.value.id

  versioning_configuration {
    status = endswith(each.key, "prod-artifacts") ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  for_each                = aws_s3_bucket.artifacts
  bucket                  = each.value.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  for_each = aws_s3_bucket.artifacts
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "backup" {
  provider      = aws.backup
  bucket        = "${local.project}-backup"
  force_destroy = true
}

resource "aws_s3_bucket_policy" "backup" {
  provider = aws.backup
  bucket   = aws_s3_bucket.backup.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecure"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.project}-backup/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_dynamodb_table" "sessions" {
  name           = "${local.project}-sessions"
  billing_mode   = "PROVISIONED"
  read_capacity  = 5
  write_capacity = 5
  hash_key       = "id"

  attribute {
    name = "id"
    type = "S"
  }

  attribute {
    name = "user"
    type = "S"
  }

  global_secondary_index {
    name            = "by-user"
    hash_key        = "user"
    projection_type = "ALL"
    read_capacity   = 2
    write_capacity  = 2
  }

  ttl {
    attribute_name = "expires"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.pitr
  }

  tags = {
    Name = "sessions"
  }

  lifecycle {
    ignore_changes = [read_capacity, write_capacity]
  }
}
