variable "names" {
  default = {
    api = "t3.small"
    web = "t3.micro"
  }
}

resource "aws_instance" "counted" {
  count         = 2
  ami           = "ami-12345678"
  instance_type = "t3.nano"
  tags = {
    Name = "node-${count.index}"
  }
}

resource "aws_instance" "keyed" {
  for_each      = var.names
  ami           = "ami-12345678"
  instance_type = each.value
  tags = {
    Name = each.key
  }
}

resource "aws_instance" "none" {
  count         = 0
  ami           = "ami-12345678"
  instance_type = "t3.nano"
}
