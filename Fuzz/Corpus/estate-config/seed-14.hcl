# ERROR: 5:6 Duplicate root
root "a" {
  path = "root"
}
root "a" {
  path = "root"
}
