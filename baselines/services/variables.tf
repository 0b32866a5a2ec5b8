variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "owner" {
  type = string
}

variable "services" {
  type = map(object({
    size  = optional(string, "t3.micro")
    nodes = optional(number, 1)
  }))
  default = {}
}

variable "tables" {
  type    = list(string)
  default = ["orders"]
}

variable "pitr" {
  type    = bool
  default = false
}
