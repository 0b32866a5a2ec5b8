variable "a" {
  validation {
    condition     = var.a != "" && var.b != ""
    error_message = "x"
  }
  default = "x"
}
variable "b" {
  default = "y"
}
