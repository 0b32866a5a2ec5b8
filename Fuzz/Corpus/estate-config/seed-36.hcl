# ERROR: 3:1 Unsupported block type
root "a" { path = "root" }
notfy { url = "https://hooks.example.com/services/SECRETXYZ" }
