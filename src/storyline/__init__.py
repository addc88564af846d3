"""Storyline: tracked stories with timelines from dated news articles.

``from storyline import Tracker`` opens a store (see ``storyline.tracker.Tracker``); the data classes
the stages pass along are importable from here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.model import Article, Entity, Event, Sentence, Story, TimelineEntry

if TYPE_CHECKING:
    from storyline.tracker import Tracker

__all__ = ["Article", "Entity", "Event", "Sentence", "Story", "TimelineEntry", "Tracker"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``Tracker`` is imported on first use, so ``import storyline`` stays light."""
    if name == "Tracker":
        from storyline.tracker import Tracker

        return Tracker
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
