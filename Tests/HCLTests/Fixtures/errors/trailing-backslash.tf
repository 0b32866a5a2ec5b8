a = "x\
