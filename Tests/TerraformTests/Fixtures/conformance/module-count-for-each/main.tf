module "m" {
  source   = "./child"
  count    = 1
  for_each = toset(["a"])
}
