# ERROR: 4:31 Variable file not found
root "a" {
  path      = "root"
  var_files = ["vars.tfvars", "missing.tfvars"]
}
