# ERROR: 4:27 Invalid region
root "a" { path = "root" }
account "prod" {
  regions = ["eu-west-1", "eu-west1"]
}
