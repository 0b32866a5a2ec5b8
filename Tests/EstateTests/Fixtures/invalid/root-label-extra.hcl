# ERROR: 2:10 Extraneous label for root
root "a" "b" {
  path = "root"
}
