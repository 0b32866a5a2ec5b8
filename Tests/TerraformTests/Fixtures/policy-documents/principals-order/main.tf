data "aws_iam_policy_document" "doc" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/alpha"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/bravo"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/charlie"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/delta"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/echo"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/foxtrot"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/golf"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/hotel"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
