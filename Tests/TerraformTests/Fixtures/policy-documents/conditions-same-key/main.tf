data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "aws:userid"
      values   = ["AIDA1"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:userid"
      values   = ["AIDA2", "AIDA0"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:userid"
      values   = ["AIDA9"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["", "10.0.0.0/8"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
