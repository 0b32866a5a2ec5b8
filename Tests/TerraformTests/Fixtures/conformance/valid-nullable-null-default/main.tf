variable "a" {
  nullable = true
  default  = null
}
