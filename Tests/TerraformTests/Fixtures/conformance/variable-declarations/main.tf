variable "s" {
  sensitive = "maybe"
}

variable "n" {
  type     = number
  nullable = false
  default  = null
}

variable "v" {
  validation {
    condition     = length(local.other) > 0
    error_message = "Must refer to var.v."
  }
}

locals {
  other = "x"
}
