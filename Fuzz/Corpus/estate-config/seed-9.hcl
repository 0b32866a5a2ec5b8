# ERROR: 5:18 Invalid session name
root "a" { path = "root" }
account "prod" {
  role_arn     = "arn:aws:iam::111122223333:role/drift"
  session_name = "drift scan"
}
