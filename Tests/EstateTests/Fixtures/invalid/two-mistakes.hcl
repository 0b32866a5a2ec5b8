# ERROR: 4:3 Unsupported argument
# ERROR: 8:27 Invalid region
root "a" {
  paths = "root"
  path  = "root"
}
account "prod" {
  regions = ["eu-west-1", "mars-north-1"]
}
