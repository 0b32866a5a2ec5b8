resource "aws_instance" "app" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  monitoring             = "true"
  source_dest_check      = "0"
  cpu_core_count         = "2"
  vpc_security_group_ids = ["sg-b", "sg-a"]
}

resource "aws_dynamodb_table" "locks" {
  name           = "locks"
  hash_key       = "LockID"
  read_capacity  = "5"
  write_capacity = "1e0"

  attribute {
    name = "LockID"
    type = "S"
  }
}
