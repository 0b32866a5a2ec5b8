variable "nested" {
  type    = list(list)
  default = []
}
