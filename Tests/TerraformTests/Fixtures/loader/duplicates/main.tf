resource "aws_s3_bucket" "a" {
  bucket = "a"
}

data "aws_region" "r" {}

variable "v" {
  default = "x"
}

output "o" {
  value = 1
}

module "m" {
  source = "./m"
}

locals {
  a = 1
}
