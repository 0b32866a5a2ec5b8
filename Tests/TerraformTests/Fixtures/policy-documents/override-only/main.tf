data "aws_iam_policy_document" "doc" {
  override_policy_documents = [
    jsonencode({ Statement = [{ Sid = "X", Effect = "Allow", Action = ["b", "a", "b"], Resource = "*", Principal = { AWS = "arn:aws:iam::1:root" } }] }),
  ]
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
