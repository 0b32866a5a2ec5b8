variable "strict" {
  type     = string
  nullable = false
  default  = "fallback"
}

variable "loose" {
  type    = string
  default = "fallback"
}

variable "settings" {
  type = object({
    size    = optional(number, 8)
    encrypt = optional(bool, true)
    name    = string
  })
  default = { name = "disk" }
}

resource "test_thing" "x" {
  strict   = var.strict
  loose    = var.loose == null ? "was null" : var.loose
  settings = var.settings
}
