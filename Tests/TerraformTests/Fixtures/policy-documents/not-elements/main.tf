data "aws_iam_policy_document" "doc" {
  statement {
    sid           = "DenyAllButSome"
    effect        = "Deny"
    not_actions   = ["iam:*", "sts:GetCallerIdentity"]
    not_resources = ["arn:aws:iam::123456789012:role/admin"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:user/alice"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
