# ERROR: 4:23 Reference to undeclared account
root "a" {
  path     = "root"
  accounts = ["prod", "prd"]
}
account "prod" { profile = "p" }
