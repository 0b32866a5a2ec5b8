# ERROR: 3:16 Invalid notification URL
root "a" { path = "root" }
notify { url = "ftp://hooks.example.com/SECRETXYZ" }
