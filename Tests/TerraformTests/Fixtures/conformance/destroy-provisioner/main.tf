locals {
  user = "admin"
}

resource "aws_instance" "i" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  connection {
    host = self.public_ip
    user = local.user
  }
  provisioner "local-exec" {
    when    = destroy
    command = "echo ${self.id} ${path.module}"
  }
}
