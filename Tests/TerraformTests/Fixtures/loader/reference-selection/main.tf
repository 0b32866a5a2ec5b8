# Each probe reads one instance of a resource through an index and an attribute (`_direct`), and
# the same through a local holding the whole resource (`_local`): both must give the same value
# (a reference fills in only what its one traversal reads; the whole value fills in everything).
resource "aws_s3_bucket" "keyed" {
  for_each = toset(["a", "b"])
  bucket   = "keyed-${each.key}"
  replication_configuration {
    role = "arn:aws:iam::123456789012:role/r"
    rules {
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::dest"
      }
    }
  }
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "counted-${count.index}"
}

resource "aws_s3_bucket" "single" {
  bucket = "single"
}

locals {
  keyed   = aws_s3_bucket.keyed
  counted = aws_s3_bucket.counted
  single  = aws_s3_bucket.single
}

# A computed attribute of a selected instance is unknown, as through the whole value.
resource "aws_s3_bucket" "computed_direct" {
  bucket = "computed-${aws_s3_bucket.counted[1].arn}"
}

resource "aws_s3_bucket" "computed_local" {
  bucket = "computed-${local.counted[1].arn}"
}

resource "aws_s3_bucket" "keyed_default_direct" {
  bucket = aws_s3_bucket.keyed["a"].force_destroy
}

resource "aws_s3_bucket" "keyed_default_local" {
  bucket = local.keyed["a"].force_destroy
}

resource "aws_s3_bucket" "keyed_unset_direct" {
  bucket = aws_s3_bucket.keyed["b"].tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "keyed_unset_local" {
  bucket = local.keyed["b"].tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "keyed_whole_direct" {
  bucket = length(keys(aws_s3_bucket.keyed["a"]))
}

resource "aws_s3_bucket" "keyed_whole_local" {
  bucket = length(keys(local.keyed["a"]))
}

resource "aws_s3_bucket" "keyed_nested_direct" {
  bucket = jsonencode(aws_s3_bucket.keyed["b"].replication_configuration)
}

resource "aws_s3_bucket" "keyed_nested_local" {
  bucket = jsonencode(local.keyed["b"].replication_configuration)
}

resource "aws_s3_bucket" "counted_default_direct" {
  bucket = aws_s3_bucket.counted[1].force_destroy
}

resource "aws_s3_bucket" "counted_default_local" {
  bucket = local.counted[1].force_destroy
}

resource "aws_s3_bucket" "counted_unset_direct" {
  bucket = aws_s3_bucket.counted[0].tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "counted_unset_local" {
  bucket = local.counted[0].tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "counted_whole_direct" {
  bucket = length(keys(aws_s3_bucket.counted[0]))
}

resource "aws_s3_bucket" "counted_whole_local" {
  bucket = length(keys(local.counted[0]))
}

resource "aws_s3_bucket" "single_unset_direct" {
  bucket = aws_s3_bucket.single.tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "single_unset_local" {
  bucket = local.single.tags == null ? "null" : "set"
}

resource "aws_s3_bucket" "single_whole_direct" {
  bucket = length(keys(aws_s3_bucket.single))
}

resource "aws_s3_bucket" "single_whole_local" {
  bucket = length(keys(local.single))
}

resource "aws_s3_bucket" "two_reads_direct" {
  bucket = "${aws_s3_bucket.counted[0].bucket}/${aws_s3_bucket.counted[1].tags == null}"
}

resource "aws_s3_bucket" "two_reads_local" {
  bucket = "${local.counted[0].bucket}/${local.counted[1].tags == null}"
}

# The whole value read by three references (two here, the local above): built, then memoized.
resource "aws_s3_bucket_versioning" "first" {
  for_each = aws_s3_bucket.keyed
  bucket   = each.value.id
  versioning_configuration {
    status = each.value.force_destroy ? "Suspended" : "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "second" {
  for_each = aws_s3_bucket.keyed
  bucket   = "${each.value.bucket}-${length(each.value.replication_configuration[0].rules)}"
  versioning_configuration {
    status = each.value.tags == null ? "Enabled" : "Suspended"
  }
}
