data "aws_iam_policy_document" "doc" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/x", "arn:aws:iam::111122223333:role/y", "arn:aws:iam::111122223333:role/z"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root", "arn:aws:iam::777788889999:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::000011112222:user/u1", "arn:aws:iam::000011112222:user/u2", "arn:aws:iam::000011112222:user/u3", "arn:aws:iam::000011112222:user/u4", "arn:aws:iam::000011112222:user/u5"]
    }
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com", "ec2.amazonaws.com", "lambda.amazonaws.com"]
    }
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
