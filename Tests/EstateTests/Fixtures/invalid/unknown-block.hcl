# ERROR: 3:1 Unsupported block type
root "a" { path = "root" }
roots "b" {
  path = "root"
}
