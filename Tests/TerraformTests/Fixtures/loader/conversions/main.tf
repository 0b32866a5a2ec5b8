resource "aws_instance" "ok" {
  instance_type          = 5
  monitoring             = "true"
  vpc_security_group_ids = ["sg-b", 1, "sg-b"]
  tags                   = { Count = 3, On = true }

  root_block_device {
    volume_size = "20"
  }
}

resource "aws_s3_bucket" "refs" {
  bucket = "refs"
  tags = {
    Monitoring = jsonencode(aws_instance.ok.monitoring)
    Type       = jsonencode(aws_instance.ok.instance_type)
    Groups     = jsonencode(aws_instance.ok.vpc_security_group_ids)
    Size       = jsonencode(aws_instance.ok.root_block_device[0].volume_size)
  }
}

resource "aws_instance" "bad" {
  monitoring     = "yes"
  hibernation    = "TRUE"
  cpu_core_count = "two"
  ipv6_addresses = [{ a = 1 }]
  volume_tags    = "x"
  tags           = { a = [1] }

  root_block_device {
    encrypted = 1
  }
}
