# ERROR: 6:27 Incorrect attribute value type
root "a" {
  path = "root"
}
account "prod" {
  regions = ["eu-west-1", { name = "us-east-1" }]
}
