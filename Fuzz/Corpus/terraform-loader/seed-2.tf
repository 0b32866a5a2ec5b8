# Arguments written with the "wrong" primitive type: Terraform converts each to the provider
# schema's type before anything sees it, including other resources' references.
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

variable "capacity" {
  type    = string
  default = "5"
}

resource "aws_instance" "app" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  monitoring             = "true"
  ebs_optimized          = "false"
  cpu_core_count         = "2"
  source_dest_check      = "0"
  vpc_security_group_ids = ["sg-b", "sg-a", "sg-b"]
  ipv6_address_count     = 0.0

  tags = {
    Name    = "app"
    Count   = 3
    Enabled = true
  }

  root_block_device {
    volume_size = "20"
    encrypted   = "true"
  }
}

resource "aws_dynamodb_table" "locks" {
  name           = "conversions-locks"
  hash_key       = "LockID"
  read_capacity  = var.capacity
  write_capacity = "1e0"

  attribute {
    name = "LockID"
    type = "S"
  }

  ttl {
    attribute_name = "expires"
    enabled        = "true"
  }

  tags = {
    Replicas = 2
    Critical = false
  }
}

resource "aws_s3_bucket" "logs" {
  bucket        = "conversions-logs"
  force_destroy = "true"

  tags = {
    Monitoring = jsonencode(aws_instance.app.monitoring)
    Capacity   = jsonencode(aws_dynamodb_table.locks.read_capacity)
    Groups     = jsonencode(aws_instance.app.vpc_security_group_ids)
    Size       = jsonencode(aws_instance.app.root_block_device[0].volume_size)
  }
}
