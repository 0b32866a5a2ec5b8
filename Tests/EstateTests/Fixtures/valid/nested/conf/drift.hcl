# Everything relative to this file's directory (conf/), functions, typed vars, several accounts.
root "base" {
  path     = "../infra/base"
  state    = "../state/base.tfstate"
  accounts = ["prod", "staging"]
}

root "svc-prod" {
  path      = "../infra/./svc/"
  var_files = ["../vars/common.tfvars", "../vars/${lower("SVC")}-prod.tfvars"]
  vars = {
    env       = "prod"
    replicas  = 3
    enabled   = true
    zones     = ["a", "b"]
    tags      = { Team = "core", "Cost Center" = "42" }
    template  = "literal $${not.interpolated} \"quoted\""
    optional  = env("DRIFT_UNSET_OPTIONAL", null)
    from_env  = env("DRIFT_ENVIRONMENT")
  }
  accounts = ["prod"]
}

account "prod" {
  profile      = "ops"
  role_arn     = "arn:aws:iam::111122223333:role/security/drift-readonly"
  external_id  = env("DRIFT_EXTERNAL_ID")
  session_name = "drift-${env("DRIFT_ENVIRONMENT")}"
  duration     = "1h30m"
  regions      = concat(["eu-west-1"], split(",", env("DRIFT_EXTRA_REGIONS", "us-east-1,us-west-2")))
}

account "staging" {
  profile = "staging"
  regions = ["eu-central-1"]
}

account "sandbox" {
  role_arn = "arn:aws-us-gov:iam::444455556666:role/drift"
  regions  = ["us-gov-west-1"]
  duration = "900s"
}

history {
  url = "../history/drift.sqlite"
}

notify { url = env("DRIFT_SLACK_WEBHOOK") }
notify { url = "https://hooks.example.com/services/second" }

ignore = [
  "aws_instance.bastion.tags.LastLogin",
  "aws_s3_bucket.logs",
]
