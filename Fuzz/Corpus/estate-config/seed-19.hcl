# ERROR: 5:3 Argument requires role_arn
root "a" { path = "root" }
account "prod" {
  profile     = "p"
  external_id = "abcdef"
}
