# ERROR: 3:9 Invalid account name
root "a" { path = "root" }
account "prod/eu" { profile = "p" }
