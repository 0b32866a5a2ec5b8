module "a" {
  source  = "./local"
  version = "1.0.0"
}

module "b" {
  source  = "-bad-/name/aws"
  version = "1.0.0"
}
