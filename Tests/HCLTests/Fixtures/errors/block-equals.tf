block "x" = {}
