terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

resource "aws_s3_bucket" "replica" {
  bucket = "acme-replica"
  tags = {
    "kubernetes.io/cluster" = "owned"
    Name                    = "replica"
  }
}
