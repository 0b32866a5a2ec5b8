owner = "platform-team"
services = {
  api = { size = "t3.small", nodes = 2 }
  worker = {}
}
tables = ["orders", "events"]
pitr   = "true"
