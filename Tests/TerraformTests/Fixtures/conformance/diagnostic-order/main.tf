variable "required" {}

variable "quoted" {
  type = "string"
}
