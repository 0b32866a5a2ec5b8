# ERROR: 5:14 Invalid duration
root "a" { path = "root" }
account "prod" {
  role_arn = "arn:aws:iam::111122223333:role/drift"
  duration = "2 hours"
}
