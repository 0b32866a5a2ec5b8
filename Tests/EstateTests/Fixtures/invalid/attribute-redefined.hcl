# ERROR: 4:3 Attribute redefined
root "a" {
  path = "root"
  path = "root"
}
