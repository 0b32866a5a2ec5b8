data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::home"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["home/&{aws:username}/*", "home/"]
    }
  }
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::home/&{aws:username}", "arn:aws:s3:::home/&{aws:username}/*"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
