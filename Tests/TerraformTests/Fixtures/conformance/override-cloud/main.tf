terraform {
  cloud {
    organization = "base"
  }
}
