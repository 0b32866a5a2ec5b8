a = foo.0.1.baz
