variable "name" { type = string }
variable "instance_type" { type = string }
variable "node_count" { type = number }
variable "ami" { type = string }
variable "tags" { type = map(string) }

resource "aws_instance" "node" {
  count         = var.node_count
  ami           = var.ami
  instance_type = var.instance_type
  monitoring    = var.instance_type != "t3.micro"

  user_data = <<-EOT
    #!/bin/bash
    echo "${var.name}-${count.index}" > /etc/hostname
  EOT

  root_block_device {
    volume_size = 20
    volume_type = "gp3"
    encrypted   = true
  }

  metadata_options {
    http_tokens = "required"
  }

  tags = merge(var.tags, {
    Name = "${var.name}-${count.index + 1}"
  })
}

output "ids" {
  value = aws_instance.node[*].id
}
