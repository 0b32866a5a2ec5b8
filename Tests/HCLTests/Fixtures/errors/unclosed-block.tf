block {
 a = 1
