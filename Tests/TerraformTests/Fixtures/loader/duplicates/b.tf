locals {
  a = "two"
}
