variable "name" {}
variable "nodes" {}

module "bucket" {
  source = "../bucket"
  name   = "svc-${var.name}"
}

resource "aws_instance" "node" {
  count         = var.nodes
  ami           = "ami-12345678"
  instance_type = "t3.small"
  tags = {
    Name   = "svc-${var.name}-${count.index}"
    Module = path.module
  }
}

output "bucket_name" {
  value = module.bucket.name
}
