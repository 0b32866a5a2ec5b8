resource "aws_s3_bucket" "a" {
  bucket = "b"
}

data "aws_region" "r" {}

variable "v" {}

output "o" {
  value = 2
}

module "m" {
  source = "./m"
}
