# ERROR: 5:17 Error in function call
root "a" { path = "root" }
account "prod" {
  role_arn    = "arn:aws:iam::111122223333:role/drift"
  external_id = env("DRIFT_TEST_UNSET")
}
