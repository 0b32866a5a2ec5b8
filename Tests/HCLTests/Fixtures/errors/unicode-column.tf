name = "日本" x
