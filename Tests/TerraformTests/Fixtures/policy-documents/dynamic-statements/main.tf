locals {
  buckets = { logs = "read", data = "write" }
}
data "aws_iam_policy_document" "doc" {
  dynamic "statement" {
    for_each = local.buckets
    content {
      sid       = title(statement.key)
      actions   = statement.value == "read" ? ["s3:GetObject"] : ["s3:PutObject", "s3:GetObject"]
      resources = ["arn:aws:s3:::${statement.key}/*"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
