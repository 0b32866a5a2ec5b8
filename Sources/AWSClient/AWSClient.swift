// AWSClient: see issues 3-5.
