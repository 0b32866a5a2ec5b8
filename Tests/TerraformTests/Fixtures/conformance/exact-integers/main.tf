locals {
  cases = {
    literal_beyond  = 9007199254740993
    literal_limit   = 9007199254740992
    sum_beyond      = 9007199254740992 + 1
    product_beyond  = 4503599627370497 * 2
    small           = 2 * 3 + 10 - 4
    parseint_beyond = parseint("9007199254740993", 10)
    parseint_small  = parseint("ff", 16)
    floor_third     = floor(10 / 3)
    big_exact       = 1125899906842624 * 16
  }
}

resource "aws_s3_bucket" "case" {
  for_each = local.cases
  bucket   = "b-${each.key}"
  tags     = { Value = each.value }
}
