variable "v" {
  type = string
}
