data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "Esc"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/a&b<c>d", "arn:aws:s3:::b/\"quoted\"\\back", "arn:aws:s3:::b/caf\u00e9/\u2028/\u00e9t\u00e9"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/Name"
      values   = ["tab\there", "line\nbreak", "ctl\u0001"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
