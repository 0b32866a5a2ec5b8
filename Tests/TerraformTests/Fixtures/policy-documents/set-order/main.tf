data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "Many"
    effect    = "Deny"
    actions   = ["s3:PutObject", "s3:GetObject", "ec2:Describe*", "s3:GetObject", "S3:ListBucket", "iam:*"]
    resources = ["arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::a"]
  }
  statement {
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
