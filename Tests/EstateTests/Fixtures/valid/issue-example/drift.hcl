root "network" {
  path      = "infra/network"
  var_files = ["prod.tfvars"]
}
root "app" {
  path  = "infra/app"
  vars  = { env = "prod" }
  state = "s3://acme-tfstate/app/terraform.tfstate"
}
account "prod" {
  role_arn    = "arn:aws:iam::111122223333:role/drift-readonly"
  external_id = env("DRIFT_EXTERNAL_ID")
  regions     = ["eu-west-1", "us-east-1"]
}
history { url = env("DRIFT_HISTORY") }
notify  { url = env("DRIFT_SLACK_WEBHOOK") }
ignore  = ["aws_instance.bastion.tags.LastLogin"]
