"""The chair's console: the live conference, step by step."""
