# ERROR: 1:1 No roots
account "prod" {
  regions = ["eu-west-1"]
}
