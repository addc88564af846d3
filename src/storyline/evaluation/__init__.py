"""Measurements of Storyline against gold data: stories (B-cubed) and timelines (ROUGE, date F1)."""
