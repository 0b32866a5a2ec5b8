# ERROR: 3:9 Extraneous label for history
root "a" { path = "root" }
history "main" { url = "one.sqlite" }
