locals {
  a = local.b
  b = local.c
  c = local.a
}

resource "test_thing" "x" {
  v = local.a
}
