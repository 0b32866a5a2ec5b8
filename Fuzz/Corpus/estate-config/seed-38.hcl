# ERROR: 4:33 Invalid character
root "a" { path = "root" }
account "prod" {
  external_id = "SECRETXYZ" + ! @
}
