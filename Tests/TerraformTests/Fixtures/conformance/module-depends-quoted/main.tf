module "m" {
  source     = "./m"
  depends_on = ["aws_s3_bucket.a"]
}
resource "aws_s3_bucket" "a" {
  bucket = "a"
}
