# ERROR: 3:10 Incorrect attribute value type
root "a" {
  path = ["root"]
}
