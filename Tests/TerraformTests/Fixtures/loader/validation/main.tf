variable "env" {
  type    = string
  default = "qa"

  validation {
    condition     = var.env == "dev" || var.env == "prod"
    error_message = "env must be dev or prod."
  }
}

variable "required" {
  type = string
}
