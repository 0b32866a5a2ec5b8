variable "name" {
  type = string
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Owner = "own"
    }
  }
}

module "bucket" {
  source = "../bucket"
  name   = var.name
}
