# Arguments whose diff the provider suppresses: plan shows them null, and a live value never drifts.
provider "aws" {
  region = "us-east-1"
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    attribute_name = "expires"
  }
}

resource "aws_instance" "router" {
  ami           = "ami-12c6146b"
  instance_type = "t3.micro"

  network_interface {
    network_interface_id = "eni-12345678"
    device_index         = 0
  }
}
