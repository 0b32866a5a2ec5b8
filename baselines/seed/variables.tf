variable "region" {
  description = "Where the instance, the state bucket and the lock table live."
  type        = string
  default     = "us-east-1"
}
