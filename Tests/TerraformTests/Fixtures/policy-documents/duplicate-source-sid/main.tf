data "aws_iam_policy_document" "doc" {
  source_policy_documents = [
    jsonencode({ Statement = [{ Sid = "S", Effect = "Allow", Action = "a", Resource = "*" }] }),
    jsonencode({ Statement = [{ Sid = "S", Effect = "Allow", Action = "b", Resource = "*" }] }),
  ]
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
