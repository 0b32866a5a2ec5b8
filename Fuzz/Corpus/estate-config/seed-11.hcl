# ERROR: 4:9 Duplicate account
root "a" { path = "root" }
account "prod" { profile = "one" }
account "prod" { profile = "two" }
