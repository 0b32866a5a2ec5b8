# ERROR: 3:10 Invalid expression
root "a" {
  path = 
}
