data "aws_iam_policy_document" "doc" {
  source_policy_documents = [
    jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*", Principal = "*", NotPrincipal = { AWS = ["b", "c", "a"] } }] }),
  ]
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
