data "aws_iam_policy_document" "doc" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444444444444:root"]
    }
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
