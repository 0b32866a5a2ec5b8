data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "Same"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Same"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
