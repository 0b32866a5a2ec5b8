import {
  for_each = toset(["a"])
  to       = aws_s3_bucket[each.key]
  id       = each.key
}
