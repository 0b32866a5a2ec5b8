# a root module
