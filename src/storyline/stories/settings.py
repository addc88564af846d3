"""Every knob of the story clusterer, at both levels, with the defaults used everywhere."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from storyline.embeddings import ENV_MODEL
from storyline.terms import ENTITY_WEIGHT, NAME_WEIGHT, Weights


@dataclass(frozen=True)
class StorySettings:
    """Knobs of the two levels: events (one happening) and stories (a chain of events followed for months).

    Each default is a round number that says something about news; they
    were chosen by cross-validation over topics (see the README), never per
    data set.
    """

    # --- what an article is compared by
    name_weight: float = NAME_WEIGHT
    entity_weight: float = ENTITY_WEIGHT
    """0 leaves entities out of the clustering."""
    vector_terms: int = 80
    """An article is represented by its most distinctive terms; the long tail is noise and cost."""
    number_weight: float = 0.3
    """Share of the similarity that comes from the numbers cited (amounts, scores, tolls, ages, dates),
    when both sides cite some: two events of one kind share their words far more often than their numbers."""
    number_terms: int = 20
    min_numbers: int = 2
    """Numbers count only when both sides cite this many different ones; one stray figure proves nothing."""
    embedding_model: str = field(default_factory=lambda: os.environ.get(ENV_MODEL, ""))
    """An installed sentence-transformers model (``STORYLINE_EMBEDDINGS``); empty: no embeddings."""
    embedding_weight: float = 0.5
    """Share of the similarity that comes from the embeddings, when a model is set."""

    # --- events
    threshold: float = 0.2
    """Least similarity (cosine, after time decay) for an article to join an event of many articles."""
    small_event_bar: float = 0.0
    """An event of n articles asks ``threshold + small_event_bar / n``: a join to one or two articles rests on
    little evidence, and a wrong one pulls the next articles of another event in after it. Since the split step
    undoes such a join once both happenings have grown, cross-validation over topics chose 0 (README)."""
    recheck_margin: float = 0.0
    """An article that joined an event by less than this over the bar is placed once more at the next maintenance
    step, against the events as they have grown since, as the articles that started an event always are. At 0.05
    and 0.1 this changed no score on ECB+, the headlines or Timeline17 (README), for a tenth more clustering time."""
    split_below: float = 0.5
    """At each maintenance step an event that grew is cut in two (2-means over its articles) when the halves'
    centroids are less similar than this: two happenings of one kind, joined through an early article, part again.
    It sits below ``merge_threshold``, so the halves do not merge back."""
    split_least: int = 5
    """Each half must hold this many articles: a stray article or two is the re-placing step's work, not a split."""
    split_most: int = 64
    """Events of more articles are not split: a wrong join shows while an event is young, and 2-means over the
    hundreds of articles of a big event took a fifth of the clustering time on Timeline17."""
    split_window: int = 5000
    """The vectors of at most this many of the latest articles are kept to split events (an event past
    ``split_most`` lets its own go): a long stream must not hold every article's vector, nor save it with the state
    (on Timeline17 they make the saved state 11 MB instead of 7)."""
    half_life_days: float = 14.0
    """How fast an event's pull fades once an article falls outside its dates: an event is days to weeks."""
    decay_floor: float = 0.3
    """Time fades an event's pull to at most this share: the same kind of happening months apart (a casting, then
    the end of filming) is another event of the story."""
    merge_threshold: float = 0.6
    """Two events whose centroids reach this cosine have converged and become one. Centroids of many articles are
    smoother than single articles, so this sits well above ``threshold``."""
    centroid_terms: int = 400
    """An event keeps its heaviest words, so a long-running event does not slow every comparison."""
    query_terms: int = 20
    """Candidates are looked up through the article's most distinctive terms only."""
    groups_per_term: int = 64
    """The index remembers, per term, the events (and stories) that used it most recently."""
    max_candidates: int = 20
    merge_candidates: int = 5
    """Converged events share most of their heaviest terms: the merge step looks at the few that share the most."""
    merge_every: int = 500
    """Articles between maintenance steps when clustering a long stream."""

    # --- stories
    link_threshold: float = 0.08
    """Least similarity for a new event's first article to join a story (its centroid over all its events)."""
    group_link_threshold: float = 0.175
    """Least similarity for two grown groups of articles (an event and the rest of its story, two stories) to be
    one story: centroids are smoother than single articles, so this sits above ``link_threshold``. Both halves of
    the cross-validation choose 0.15, one step from a cliff (at 0.125 Timeline17's Arab Spring topics become one
    story); 0.175 keeps that step and beats 0.2 on both halves of both sets."""
    relink_articles: int = 3
    """Two groups of which one has at most this many articles are compared as an article is (``link_threshold``)."""
    story_half_life_days: float = 90.0
    story_decay_floor: float = 0.3
    """Time fades a story's pull to at most this share: stories resume after months or years (a sequel, a trial),
    but the same names years apart more often mean another story (a country's flu cull, then its revolution)."""
    story_terms: int = 1000
    """A story keeps more terms than an event: it spans many events and their vocabularies."""

    @property
    def weights(self) -> Weights:
        return Weights(self.name_weight, self.entity_weight)


DEFAULTS = StorySettings()
