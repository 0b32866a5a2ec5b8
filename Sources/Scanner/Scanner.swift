// Scanner: see issues 3-5.
