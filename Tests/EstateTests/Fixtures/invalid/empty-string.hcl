# ERROR: 4:13 Empty value
root "a" { path = "root" }
account "prod" {
  profile = ""
}
