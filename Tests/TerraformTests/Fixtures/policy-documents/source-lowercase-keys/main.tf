data "aws_iam_policy_document" "doc" {
  source_policy_documents = [
    "{\"version\": \"2012-10-17\", \"statement\": [{\"sid\": \"Low\", \"effect\": \"Allow\", \"action\": \"s3:*\", \"resource\": \"*\", \"Unknown\": 1}]}",
  ]
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
