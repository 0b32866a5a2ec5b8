# The parts of a server around an instance: a network, two security groups (one with inline
# rules, one with separate rule resources), a data volume, an elastic IP and a key pair.
provider "aws" {
  region = "us-east-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Name = "net-main"
  }
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
  tags = {
    Name = "net-a"
  }
}

resource "aws_security_group" "web" {
  name        = "net-web"
  description = "web servers"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "https"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0", "10.0.0.0/8"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name = "net-web"
  }
}

resource "aws_security_group" "db" {
  name        = "net-db"
  description = "database"
  vpc_id      = aws_vpc.main.id
  tags = {
    Name = "net-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "db_postgres" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "10.20.0.0/16"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 8
  tags = {
    Name = "net-data"
  }
}

resource "aws_eip" "web" {
  domain = "vpc"
  tags = {
    Name = "net-eip"
  }
}

resource "aws_key_pair" "deploy" {
  key_name   = "net-deploy"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKOSyVWW3XWN1nmyaepSDXp7La1gkpF05MsSC56lideJ deploy"
}
