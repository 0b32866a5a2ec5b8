# ERROR: 3:1 Missing required argument
root "a" { path = "root" }
root "b" {
  var_files = ["vars.tfvars"]
}
