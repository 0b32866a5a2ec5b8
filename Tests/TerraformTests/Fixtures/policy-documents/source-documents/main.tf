locals {
  base = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Keep", Effect = "Allow", Action = ["s3:b", "s3:a"], Resource = "*" },
      { Sid = "Replace", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::old/*" },
      { Effect = "Deny", NotAction = "iam:*", NotResource = ["x", "a"] },
    ]
  })
  extra = jsonencode({
    Statement = [
      { Sid = "Extra", Effect = "Allow", Action = "sqs:*", Resource = "*",
        Principal = { AWS = ["arn:aws:iam::2:root", "arn:aws:iam::1:root", "arn:aws:iam::3:root"], Service = "ec2.amazonaws.com" },
        Condition = { StringEquals = { "aws:a" = ["z", "y"], "aws:b" = "one" }, Bool = { "aws:SecureTransport" = true } } },
    ]
  })
}
data "aws_iam_policy_document" "doc" {
  source_policy_documents = [local.base, local.extra]
  statement {
    sid       = "Replace"
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::new/*"]
  }
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::new"]
  }
}

output "json" { value = data.aws_iam_policy_document.doc.json }
output "minified_json" { value = data.aws_iam_policy_document.doc.minified_json }
output "id" { value = data.aws_iam_policy_document.doc.id }
