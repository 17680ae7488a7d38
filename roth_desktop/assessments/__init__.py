"""The social worker's assessment: writing it, sharing it, handing it over."""
