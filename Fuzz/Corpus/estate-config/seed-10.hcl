# ERROR: 4:23 Duplicate account
root "a" {
  path     = "root"
  accounts = ["prod", "prod"]
}
account "prod" { profile = "p" }
