variable "names" {
  type    = list
  default = ["a", "b"]
}

variable "tags" {
  type    = map
  default = { Team = "core" }
}

resource "aws_s3_bucket" "b" {
  bucket = var.names[1]
  tags   = var.tags
}
