module "svc" {
  source   = "./modules/svc"
  for_each = { api = 2, web = 1 }
  name     = each.key
  nodes    = each.value
}

module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
  bucket = "remote"
}

resource "test_thing" "uses_outputs" {
  first  = module.svc["api"].bucket_name
  remote = module.remote.s3_bucket_id
}
