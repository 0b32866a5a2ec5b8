locals {
  prefix = "fuzz-${terraform.workspace}"
  tags   = merge({ Team = "core" }, { for n in var.names : n => upper(n) })
}

module "child" {
  source   = "./modules/child"
  for_each = toset(var.names)
  bucket   = "${local.prefix}-${each.key}"
}

resource "aws_instance" "web" {
  count         = length(var.names)
  ami           = "ami-12345678"
  instance_type = count.index == 0 ? "t3.micro" : "t3.small"
  user_data     = base64encode(jsonencode({ n = var.names[count.index] }))
  tags          = merge(local.tags, { Name = format("web-%02d", count.index), Secret = var.secret })
}
