# No provider "aws" block and no required_providers: resources get an implied empty default
# configuration, but a call cannot pass one explicitly.
module "direct" {
  source = "./modules/leaf"
  providers = {
    aws = aws
  }
}

# The relay passes its default configuration on explicitly, which it only inherits.
module "relay" {
  source = "./modules/relay"
}

resource "aws_s3_bucket" "root" {
  bucket = "ppd-root"
}
