block {} x = 1
