"""Where articles and stories live: an embedded SQLite file by default."""

from storyline.store.queries import FOLDED, SORTS, StoryQuery
from storyline.store.records import Snippet, SourceState, Update
from storyline.store.schema import SCHEMA_VERSION
from storyline.store.sqlite import DEFAULT_DB, ENV_DB, Store, StoreError, default_path

__all__ = ["DEFAULT_DB", "ENV_DB", "FOLDED", "SCHEMA_VERSION", "SORTS", "Snippet", "SourceState", "Store", "StoreError", "StoryQuery",
           "Update", "default_path"]
