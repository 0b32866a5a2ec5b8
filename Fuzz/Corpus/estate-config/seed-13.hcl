# ERROR: 4:40 Duplicate region
root "a" { path = "root" }
account "prod" {
  regions = ["eu-west-1", "us-east-1", "eu-west-1"]
}
