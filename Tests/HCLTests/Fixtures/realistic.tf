# A configuration exercising most of the native syntax.
terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "state-bucket"
    key    = "drift/terraform.tfstate"
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "subnets" {
  type = map(object({ cidr = string, public = optional(bool, false) }))
  default = {
    a = { cidr = "10.0.1.0/24", public = true }
    b = { cidr = "10.0.2.0/24" }
  }
}

locals {
  name_prefix = "drift-${var.region}"
  /* block comment */
  tags = merge(var.extra_tags, {
    Name        = local.name_prefix
    Environment = terraform.workspace == "default" ? "dev" : terraform.workspace
  })
  public_ids = [for k, s in var.subnets : k if s.public]
  by_public  = { for k, s in var.subnets : tostring(s.public) => k... }
  numbers    = [1, 2.5, 1e3, -4, (5 + 6) * 7 % 3]
  flags      = !true || false && 1 < 2 && 3 >= 3 && 4 != 5
  first      = aws_instance.web[0].id
  all_ids    = aws_instance.web[*].id
  legacy     = aws_instance.web.*.id
  dashed     = count.index-1
  expanded   = max(local.numbers...)
  ns_call    = provider::aws::arn_parse("arn:aws:s3:::x")
  escaped    = "quote \" tab \t unicode \u00e9 dollar $${literal} percent %%{literal}"
  policy     = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": []
    }
    EOT
  script = <<EOT
#!/bin/sh
%{ for name in local.public_ids ~}
echo ${name}
%{ endfor ~}
%{ if var.region == "eu-west-1" }eu%{ else }other%{ endif }
EOT
}

resource "aws_instance" "web" {
  count         = 2
  ami           = data.aws_ami.ubuntu.id
  instance_type = count.index == 0 ? "t3.micro" : "t3.small"
  tags          = merge(local.tags, { Index = count.index })

  dynamic "ebs_block_device" {
    for_each = toset(["/dev/sdb", "/dev/sdc"])
    content {
      device_name = ebs_block_device.value
      volume_size = 10
    }
  }

  lifecycle { ignore_changes = [tags["Updated"]] }
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/*"]
  }
}

output "ids" {
  value = try(aws_instance.web[*].id, [])
}
