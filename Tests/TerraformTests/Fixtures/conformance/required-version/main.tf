terraform {
  required_version = ">= 1.5, < 1.11.0"
}
