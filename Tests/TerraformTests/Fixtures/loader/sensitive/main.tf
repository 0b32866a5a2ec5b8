variable "secret" {
  default   = "hunter2"
  sensitive = true
}

locals {
  derived = "pw-${var.secret}"
}

resource "test_thing" "x" {
  password = local.derived
  plain    = "visible"
}
