# ERROR: 3:17 Unsupported history location
root "a" { path = "root" }
history { url = "mysql://drift:SECRETXYZ@db.example.com/drift" }
