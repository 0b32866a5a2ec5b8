# ERROR: 3:10 Call to unknown function
root "a" {
  path = file("root")
}
