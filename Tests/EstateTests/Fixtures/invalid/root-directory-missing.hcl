# ERROR: 3:10 Root directory not found
root "a" {
  path = "no-such-root"
}
