"""The social worker's assessment window: the console's pages, plus what only an assessment has."""
