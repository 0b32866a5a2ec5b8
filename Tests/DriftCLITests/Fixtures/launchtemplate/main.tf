# Launch templates as a typical module declares them: one fully configured, one pinned to a
# version, one that follows its latest version, one named by prefix.
provider "aws" {
  region = "us-east-1"
}

resource "aws_launch_template" "web" {
  name                   = "lt-web"
  description            = "web servers"
  image_id               = "ami-12c6146b"
  instance_type          = "t3.micro"
  key_name               = "deployer"
  user_data              = base64encode("#!/bin/sh\necho hello\n")
  ebs_optimized          = true
  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60718"]

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 20
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  iam_instance_profile {
    name = "web-profile"
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags = {
      Name = "web"
    }
  }
}

resource "aws_launch_template" "pinned" {
  name            = "lt-pinned"
  image_id        = "ami-12c6146b"
  instance_type   = "t3.micro"
  default_version = 1
}

resource "aws_launch_template" "follows" {
  name                   = "lt-follows"
  image_id               = "ami-12c6146b"
  instance_type          = "t3.micro"
  update_default_version = true
}

resource "aws_launch_template" "worker" {
  name_prefix   = "lt-worker-"
  image_id      = "ami-12c6146b"
  instance_type = "c5.large"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = false
    delete_on_termination       = true
    security_groups             = ["sg-0a1b2c3d4e5f60718"]
    subnet_id                   = "subnet-0a1b2c3d4e5f60718"
  }
}
