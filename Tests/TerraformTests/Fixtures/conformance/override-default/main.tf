variable "v" {
  type    = list(string)
  default = ["a"]
}
