e = "b.auto.tfvars"
f = "b.auto.tfvars"
g = "b.auto.tfvars"
