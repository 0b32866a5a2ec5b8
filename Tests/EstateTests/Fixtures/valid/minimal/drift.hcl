root "here" { path = "." }
