# ERROR: 5:14 Incorrect attribute value type
root "a" { path = "root" }
account "prod" {
  role_arn = "arn:aws:iam::111122223333:role/drift"
  duration = 3600
}
