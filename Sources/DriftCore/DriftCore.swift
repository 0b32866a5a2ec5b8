// DriftCore: see issues 3-5.
