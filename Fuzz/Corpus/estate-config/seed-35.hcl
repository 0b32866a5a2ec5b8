# ERROR: 5:3 Unsupported argument
root "a" { path = "root" }
account "prod" {
  role_arn   = "arn:aws:iam::111122223333:role/drift"
  externl_id = "SECRETXYZ"
}
