"""Exact and near-duplicate detection, so a syndicated article counts once.

Near-duplicates are found with MinHash signatures over word shingles and a
locality-sensitive hash index (datasketch); a candidate is confirmed when
the estimated Jaccard similarity reaches ``THRESHOLD``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.8
CANDIDATE_THRESHOLD = 0.5
"""LSH banding is tuned lower than ``THRESHOLD`` so pairs just above it are not missed."""
_WORD = re.compile(r"\w+")


_TEMPLATE = MinHash(num_perm=NUM_PERM)
_SCHEME = _TEMPLATE.scheme
_BANDING = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _BANDING.b, _BANDING.r
"""datasketch's banding for ``CANDIDATE_THRESHOLD``: the store files each signature under one key per band."""
_MIX = np.uint64(0x9E3779B97F4A7C15)


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per LSH band of the signature, a signed 64-bit integer a database can index: two signatures share
    a band's key when they agree on all its rows (as datasketch's index files them), so the articles a new one may
    copy are found in the store without holding every signature in memory."""
    rows = sig[:BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    key = np.zeros(BANDS, dtype=np.uint64)
    for column in rows.T:  # a polynomial hash of the band's values, wrapping at 64 bits
        key = key * _MIX + column
    return key.view(np.int64).tolist()


def _lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=sig, scheme=_SCHEME)


def signature(text: str) -> np.ndarray:
    """MinHash signature of the text's lower-cased word 3-grams.

    CRC-32 hashes the shingles: stable across processes (signatures are
    stored) and an order of magnitude faster than the default SHA-1.
    """
    words = _WORD.findall(text.lower())
    shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE))))) or {" ".join(words)}
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations, scheme=_SCHEME)
    minhash.update_batch([s.encode() for s in shingles])
    return minhash.hashvalues


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class DuplicateIndex:
    """Finds the canonical copy an article duplicates among those it holds: a batch and the stored articles that
    share a band with it. Candidates come from the bands for ``CANDIDATE_THRESHOLD``, so ``threshold`` may be set
    higher, not lower."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))  # the banding the store files articles under
        self._signatures: dict[str, np.ndarray] = {}
        self._canonical: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, sig: np.ndarray, content_hash: str, url: str = "", dup_of: str | None = None) -> None:
        """Index an article; its duplicates will point at its canonical copy."""
        self._signatures[article_id] = sig
        self._canonical[article_id] = dup_of or article_id
        self._urls[article_id] = url
        self._by_hash.setdefault(content_hash, dup_of or article_id)
        self._lsh.insert(article_id, _lean(sig))

    def find(self, sig: np.ndarray, content_hash: str, url: str = "") -> str | None:
        """Canonical id of an indexed article this one duplicates, if any.

        Another version of the same URL is an update, not a copy, so it is
        never grouped under that URL's own article.
        """
        exact = self._by_hash.get(content_hash)
        if exact and not self._same_url(exact, url):
            return exact
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(_lean(sig)):
            if self._same_url(candidate, url):
                continue
            score = similarity(sig, self._signatures[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        return self._canonical[best] if best else None

    def _same_url(self, article_id: str, url: str) -> bool:
        return bool(url) and url in (self._urls.get(article_id), self._urls.get(self._canonical[article_id]))

    def extend(self, rows: Iterable[tuple[str, np.ndarray, str, str, str | None]]) -> None:
        for article_id, sig, chash, url, dup_of in rows:
            self.add(article_id, sig, chash, url, dup_of)
