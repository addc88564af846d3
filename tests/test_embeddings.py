"""The optional embeddings signal: tested with a stand-in encoder, so no model is needed."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from storyline import embeddings
from storyline.model import Article
from storyline.stories import DEFAULTS, cluster

TOPICS = {"puente": 0, "pont": 0, "huelga": 1, "grève": 1}


def _fake_encoder(texts):
    """Texts about one topic get one direction, whatever their language: what a multilingual model does."""
    vectors = np.zeros((len(texts), 2))
    for row, text in enumerate(texts):
        for word, axis in TOPICS.items():
            if word in text.lower():
                vectors[row, axis] = 1.0
    return vectors


ARTICLES = [
    Article(raw_text="", text="Cerraron el puente del pueblo por unas grietas profundas en los pilares.", language="es",
            id="es-1"),
    Article(raw_text="", text="On a fermé le pont du village à cause de fissures profondes dans les piles.", language="fr",
            id="fr-1"),
    Article(raw_text="", text="Los trabajadores del puerto empezaron una huelga por los turnos de noche.", language="es",
            id="es-2"),
]


def test_without_a_model_translations_sharing_no_name_stay_apart():
    assert len(cluster(ARTICLES, replace(DEFAULTS, embedding_model=""))) == 3


def test_with_a_model_the_embedding_joins_a_translation(monkeypatch):
    monkeypatch.setattr(embeddings, "load_encoder", lambda model: _fake_encoder)
    groups = cluster(ARTICLES, replace(DEFAULTS, embedding_model="stand-in"))
    assert sorted(map(sorted, groups)) == [[0, 1], [2]]


def test_a_missing_extra_or_model_is_a_clear_error():
    embeddings.load_encoder.cache_clear()
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(embeddings.EmbeddingError, match="pip install"):
            embeddings.load_encoder("any-model")
    else:
        with pytest.raises(embeddings.EmbeddingError, match="not installed"):
            embeddings.load_encoder("/no/such/model")
