data "aws_iam_policy_document" "base" {
  policy_id = "base-id"
  statement {
    sid       = "A"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "B"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "doc" {
  override_policy_documents = [
    data.aws_iam_policy_document.base.json,
    jsonencode({ Id = "override-id", Version = "2008-10-17", Statement = [{ Sid = "A", Effect = "Deny", Action = "*", Resource = "*", Principal = "*" }, { Action = "kms:*", Resource = "*" }] }),
  ]
  statement {
    sid       = "B"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
  statement {
    sid       = "C"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
