data "aws_iam_policy_document" "doc" {
  statement {
    actions = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b", "arn:aws:iam::123456789012:role/c", "arn:aws:iam::123456789012:role/d"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/e"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/f", "arn:aws:iam::123456789012:role/g"]
    }
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "kms:EncryptionContextKeys"
      values   = ["b", "a"]
    }
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "kms:EncryptionContextKeys"
      values   = ["c"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
