"""Optional sentence embeddings: one more signal for the story clusterer, across languages.

With ``pip install 'storyline[embeddings]'`` and a multilingual
sentence-transformers model the user has on disk (for example
paraphrase-multilingual-MiniLM-L12-v2, downloaded once by the user), an
article and its translation get nearby vectors even when they share no
name. Nothing is downloaded here: the hub is put offline before loading.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from storyline.model import Article

Encoder = Callable[[Sequence[str]], np.ndarray]
"""Texts in, one unit vector per text out."""
ENV_MODEL = "STORYLINE_EMBEDDINGS"
TEXT_CHARS = 1000
"""An article is embedded by its title and opening: where it says what happened."""


class EmbeddingError(RuntimeError):
    pass


@cache
def load_encoder(model: str) -> Encoder:
    """The encoder of an installed sentence-transformers model (a name in the local cache, or a folder)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingError("embeddings need their extra: pip install 'storyline[embeddings]'") from error
    try:
        encoder = SentenceTransformer(model, device="cpu")
    except (OSError, ValueError) as error:
        raise EmbeddingError(f"embedding model {model!r} is not installed here ({error})") from error

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.asarray(encoder.encode(list(texts), batch_size=64, normalize_embeddings=True))

    return encode


def embed_articles(articles: Sequence[Article], model: str) -> list[np.ndarray | None]:
    """One unit vector per article with ``model``, or nothing for every article when no model is set."""
    if not model:
        return [None] * len(articles)
    vectors = load_encoder(model)([f"{a.title}\n{a.text}"[:TEXT_CHARS] for a in articles])
    return list(vectors)
