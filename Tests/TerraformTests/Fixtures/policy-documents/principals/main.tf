data "aws_iam_policy_document" "doc" {
  statement {
    sid     = "Assume"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com", "lambda.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["arn:aws:s3:::b/*"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
