data "aws_iam_policy_document" "doc" {
  source_policy_documents = [
    "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"\", \"NotResource\": null, \"Principal\": {}, \"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": 10, \"aws:x\": \"10\"}}}]}",
    "{\"Id\": \"\", \"Statement\": [{\"Action\": [\"b\", 1, true, {\"z\": 1, \"a\": [2]}], \"Resource\": \"*\"}]}",
  ]
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
