# ERROR: 4:1 Duplicate history block
root "a" { path = "root" }
history { url = "one.sqlite" }
history { url = "two.sqlite" }
