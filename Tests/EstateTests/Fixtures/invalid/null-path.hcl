# ERROR: 3:10 Missing required value
root "a" {
  path = null
}
