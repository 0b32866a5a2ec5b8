# ERROR: 4:14 Invalid role ARN
root "a" { path = "root" }
account "prod" {
  role_arn = "arn:aws:iam::1111222233:role/drift"
}
