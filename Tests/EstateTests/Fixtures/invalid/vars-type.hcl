# ERROR: 4:10 Incorrect attribute value type
root "a" {
  path = "root"
  vars = ["env=prod"]
}
