# State lives in the bucket state.tf declares; create the bucket and table first
# (`terraform apply` with this block commented out), then `terraform init -migrate-state`.
terraform {
  backend "s3" {
    bucket         = "terraform-s3-cwchoi"
    dynamodb_table = "terraform-db-cwchoi"
    encrypt        = true
    key            = "remote"
    region         = "us-east-1"
  }
}
