locals {
  a = "fine"
  b = "café latin-1"
}
