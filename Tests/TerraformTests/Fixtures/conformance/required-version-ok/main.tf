terraform {
  required_version = "~> 1.11.0"
}

module "child" {
  source = "./child"
}
