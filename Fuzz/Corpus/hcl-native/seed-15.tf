a = "%{ endiff }"
