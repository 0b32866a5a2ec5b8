# ERROR: 5:19 Invalid variable name
root "a" {
  path = "root"
  vars = {
    env = "prod", "1st" = 1
  }
}
