data "aws_ami" "base" {
  most_recent = true
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.base.id
  instance_type = "t3.micro"
  tags = {
    Name   = "web"
    Bucket = aws_s3_bucket.logs.bucket
    Arn    = aws_s3_bucket.logs.arn
  }
}

resource "aws_dynamodb_table" "t" {
  name     = "tbl-${aws_instance.web.instance_type}"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
