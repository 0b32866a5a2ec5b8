a = x[*.y]
