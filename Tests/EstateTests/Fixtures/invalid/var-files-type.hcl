# ERROR: 4:15 Incorrect attribute value type
root "a" {
  path      = "root"
  var_files = "vars.tfvars"
}
