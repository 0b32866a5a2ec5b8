f = "extra.tfvars"
g = "extra.tfvars"
