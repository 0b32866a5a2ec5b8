import {
  to = module.m.aws_s3_bucket.a
  id = "x"
}
module "m" {
  source = "./m"
}
