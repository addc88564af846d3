"""Storyline: tracked stories with timelines from dated news articles."""

from storyline.model import Article, Sentence, Story, TimelineEntry

__all__ = ["Article", "Sentence", "Story", "TimelineEntry"]
__version__ = "0.1.0"
