# ERROR: 2:1 Missing name for root
root {
  path = "root"
}
