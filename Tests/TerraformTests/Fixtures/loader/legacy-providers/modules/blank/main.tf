variable "name" {
  type = string
}

provider "aws" {}

module "bucket" {
  source = "../bucket"
  name   = var.name
}
