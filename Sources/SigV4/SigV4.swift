// SigV4: see issues 3-5.
