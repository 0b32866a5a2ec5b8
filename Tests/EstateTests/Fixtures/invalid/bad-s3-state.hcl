# ERROR: 4:11 Invalid state location
root "a" {
  path  = "root"
  state = "s3://acme-tfstate"
}
