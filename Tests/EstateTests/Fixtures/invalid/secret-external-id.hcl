# ERROR: 4:3 Argument requires role_arn
root "a" { path = "root" }
account "prod" {
  external_id = "SECRETXYZ-with-more"
}
