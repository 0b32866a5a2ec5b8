# ERROR: 4:3 Unsupported block type
root "a" {
  path = "root"
  backend "s3" {}
}
