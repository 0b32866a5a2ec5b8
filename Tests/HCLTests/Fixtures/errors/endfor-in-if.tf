a = "%{ if x }%{ endfor }"
