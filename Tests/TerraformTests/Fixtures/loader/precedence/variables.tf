variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "g" { default = "default" }
variable "n" {
  type    = number
  default = 1
}
variable "l" {
  type    = list(string)
  default = []
}

resource "test_thing" "all" {
  values = {
    a = var.a
    b = var.b
    c = var.c
    d = var.d
    e = var.e
    f = var.f
    g = var.g
  }
  n = var.n
  l = var.l
}
