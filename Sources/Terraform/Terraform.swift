// Terraform: see issues 3-5.
