variable "token" {
  ephemeral = true
  default   = "t"
}

output "token" {
  ephemeral = true
  value     = var.token
}
