terraform {
  language    = "TF2021"
  experiments = [example]
}

terraform {
  language = TF2099
}
