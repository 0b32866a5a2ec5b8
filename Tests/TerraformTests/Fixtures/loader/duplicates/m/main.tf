# An empty module: only its call matters.
