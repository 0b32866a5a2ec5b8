# ERROR: 4:3 Unsupported argument
root "a" {
  path = "root"
  paht = "root"
}
