# ERROR: 3:1 Unsupported argument
root "a" { path = "root" }
history = { url = "h.sqlite" }
