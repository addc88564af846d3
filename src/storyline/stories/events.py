"""Events, the first level: articles reporting one happening, placed online one at a time.

An article joins the event it is most similar to, if that clears the
event's bar, or starts one. The bar is higher for an event of one or two
articles: such a join rests on little evidence, and a wrong one draws the
next articles of another event in after it. Joins that cleared their bar
narrowly, and the articles that started an event, are placed once more at
the next maintenance step, against the events as they have grown since; an
article that no longer fits its event leaves it. Events whose centroids
converge are merged, and an event whose articles fall into two groups that
would never have merged is split: two happenings of one kind (two arrests
of one player, two pirate attacks in one gulf) join through an early
article, and each half then draws its own reports in.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping
from typing import NamedTuple

import numpy as np

from storyline.stories.groups import Group, Index, Similarity
from storyline.stories.halves import matrix, partitions
from storyline.stories.settings import StorySettings
from storyline.stories.vectors import Vector


class Pending(NamedTuple):
    """An article to place once more at the next maintenance step: its vector, its event and its day."""

    vector: Vector
    event: int
    day: int | None


class Move(NamedTuple):
    """An article a maintenance step moved, and whether the event it left is gone."""

    vector: Vector
    day: int | None
    source: int
    target: int
    emptied: bool


class Split(NamedTuple):
    """Part of an event split off into a new one."""

    source: int
    target: int


SPLIT_STARTS = 5
"""Articles least like the rest of an event that 2-means is started from, each in turn."""


class Events:
    """Online event clustering with a maintenance step (see the module docstring)."""

    def __init__(self, settings: StorySettings) -> None:
        self.settings = settings
        self.similarity = Similarity(settings.number_weight, settings.min_numbers, settings.embedding_weight,
                                     settings.half_life_days, settings.decay_floor)
        self.groups: dict[int, Group] = {}
        self.index = Index(settings.groups_per_term, settings.vector_terms)
        self.next_id = 1
        self.changed: set[int] = set()
        """Events that gained members since the last merge step."""
        self.pending: dict[Hashable, Pending] = {}
        """Founders and narrow joins since the last maintenance step."""
        self.kept: OrderedDict[Hashable, tuple[Vector, int | None]] = OrderedDict()
        """The vector and day of the last ``split_window`` articles placed, but for those of events past
        ``split_most``: an event can be split while it is young, all its articles among them."""
        self.split_checked: dict[int, int] = {}
        """How many articles each event had when ``split`` last tried it."""

    def bar(self, size: int) -> float:
        """What an article must reach to join an event of ``size`` articles."""
        return self.settings.threshold + self.settings.small_event_bar / max(1, size)

    def best(self, vector: Vector, day: int | None, centre: np.ndarray | None,
             exclude: int | None = None) -> tuple[int | None, float, float]:
        """The most similar event among those whose bar the article clears: its id, similarity and margin."""
        settings = self.settings
        best, best_score, margin = None, 0.0, 0.0
        candidates = self.index.candidates(vector.words, settings.query_terms, settings.max_candidates,
                                           self.groups.__contains__, exclude, recent=vector.embedding is not None)
        for event in candidates:
            group = self.groups[event]
            score = self.similarity(vector, group, day, day, centre)
            over = score - self.bar(len(group.members))
            if over >= 0 and score > best_score:
                best, best_score, margin = event, score, over
        return best, best_score, margin

    def add(self, key: Hashable, vector: Vector, day: int | None, centre: np.ndarray | None,
            event: int | None = None) -> int:
        """Place one article and return its event; with ``event`` given it is put there (restoring stored events)."""
        restored = event is not None
        margin = 0.0
        if event is None:
            event, _, margin = self.best(vector, day, centre)
        if event is None:
            event = self.next_id
        group = self._put(key, vector, day, event)
        if not restored:
            self.changed.add(event)
            if len(group.members) == 1 or margin < self.settings.recheck_margin:
                self.pending[key] = Pending(vector, event, day)
        return event

    def _put(self, key: Hashable, vector: Vector, day: int | None, event: int) -> Group:
        group = self.groups.get(event)
        if group is None:
            group = self.groups[event] = Group()
            self.next_id = max(self.next_id, event + 1)
        group.add(vector, day, day, self.settings.centroid_terms)
        group.members.append(key)
        self.kept[key] = vector, day
        self.kept.move_to_end(key)
        if len(self.kept) > self.settings.split_window:
            self.kept.popitem(last=False)
        self.index.add(event, vector.words)
        return group

    def recheck(self, key: Hashable, centre: np.ndarray | None) -> Move | None:
        """Place a pending article once more, against the events as they are now.

        It is taken out of its event and goes to another event if that one
        clears its bar and is more similar than what remains of its own; it
        leaves for an event of its own if what remains no longer clears the
        bar. Returns the move, if any.
        """
        vector, event, day = self.pending[key]
        group = self.groups.get(event)
        if group is None or key not in group.members:  # forgotten since
            return None
        part = group.remove(vector)
        group.members.remove(key)
        own = self.similarity(vector, group, day, day, centre) if group.members else 0.0
        target, score, _ = self.best(vector, day, centre, exclude=event)
        if target is None or score <= own:
            if not group.members or own >= self.bar(len(group.members)):
                group.add(part, None, None, self.settings.centroid_terms)
                group.members.append(key)
                return None
            target = self.next_id
        emptied = not group.members
        if emptied:
            del self.groups[event]
        self._put(key, vector, day, target)
        self.changed.add(target)
        return Move(vector, day, event, target, emptied)

    def merge(self, centre: np.ndarray | None) -> dict[int, tuple[int, Group]]:
        """Join each changed event with any event whose centroids have converged with it.

        Returns the ids merged away in this step, each with the id that
        absorbed it (always the older, smaller one) and what it was.
        """
        settings = self.settings
        merged: dict[int, tuple[int, Group]] = {}
        for event in sorted(self.changed):
            group = self.groups.get(event)
            if group is None or len(group.members) < 2:  # an article alone was just placed, or re-placed
                continue
            for other in self.index.candidates(group.words.weights, settings.query_terms, settings.merge_candidates,
                                               self.groups.__contains__, exclude=event):
                similarity = self.similarity(group.vector(), self.groups[other], group.first, group.last, centre)
                if similarity < settings.merge_threshold:
                    continue
                keep, drop = sorted((event, other))
                gone = self.groups.pop(drop)
                self.groups[keep].absorb(gone, settings.centroid_terms)
                self.index.add(keep, self.groups[keep].words.weights)
                merged[drop] = keep, gone
                if drop == event:
                    break
        self.changed.clear()
        for key, pending in self.pending.items():
            if pending.event in merged:
                self.pending[key] = pending._replace(event=_final(merged, pending.event))
        return merged

    def split(self, grown: Iterable[int], centre: np.ndarray | None) -> list[Split]:
        """Cut each of the ``grown`` events in two where its articles fall into two groups less similar than
        ``split_below``, each of at least ``split_least`` articles. The half holding the event's first article keeps
        its id; the other becomes a new event.

        An event is tried again once it has grown by half since it was last
        tried, so the cost per article stays flat as it grows, and not past
        ``split_most`` articles.
        """
        settings, checked = self.settings, self.split_checked
        self.split_checked = checked = {event: size for event, size in checked.items() if event in self.groups}
        splits = []
        for event in sorted(grown):
            group = self.groups.get(event)
            size = len(group.members) if group is not None else 0
            if size > settings.split_most:  # settled: its articles' vectors are of no more use
                for key in group.members:
                    self.kept.pop(key, None)
            if (not max(2 * settings.split_least, 1.5 * checked.get(event, 0)) <= size <= settings.split_most
                    or not all(key in self.kept for key in group.members)):
                continue
            checked[event] = size
            cut = self._cut(group.members, centre)
            if cut is None:
                continue
            staying, parted = cut
            target = self.next_id
            self.next_id += 1
            self.groups[event], self.groups[target] = staying, parted
            checked[event], checked[target] = len(staying.members), len(parted.members)
            for key in parted.members:
                self.index.add(target, self.kept[key][0].words)
            splits.append(Split(event, target))
        return splits

    def _cut(self, keys: list[Hashable], centre: np.ndarray | None) -> tuple[Group, Group] | None:
        """The least similar two halves of ``keys`` that 2-means finds, if both hold ``split_least`` articles and are
        less similar than ``split_below``; the first holds ``keys[0]``."""
        settings = self.settings
        x = matrix([self.kept[key][0] for key in keys], settings.number_weight, settings.min_numbers)
        best, lowest = None, settings.split_below
        for side in partitions(x, SPLIT_STARTS):
            one = [key for key, first in zip(keys, side) if first]
            two = [key for key, first in zip(keys, side) if not first]
            if min(len(one), len(two)) < settings.split_least:
                continue
            staying, parted = self._group_of(one), self._group_of(two)
            score = self.similarity(parted.vector(), staying, parted.first, parted.last, centre)
            if score < lowest:
                best, lowest = (staying, parted), score
        return best

    def _group_of(self, keys: list[Hashable]) -> Group:
        group = Group()
        for key in keys:
            vector, day = self.kept[key]
            group.add(vector, day, day, self.settings.centroid_terms)
        group.members = list(keys)
        return group

    def forget(self, keys: set[Hashable]) -> list[int]:
        """Drop these members; returns the events left empty (and removed)."""
        for key in keys & self.pending.keys():
            del self.pending[key]
        for key in keys:
            self.kept.pop(key, None)
        emptied = []
        for event, group in list(self.groups.items()):
            if keys.intersection(group.members):
                group.members = [key for key in group.members if key not in keys]
                if not group.members:
                    del self.groups[event]
                    emptied.append(event)
        return emptied

    def state(self) -> dict:
        return {
            "next_id": self.next_id, "changed": sorted(self.changed), "index": self.index.state(),
            "groups": [[event, group.state()] for event, group in self.groups.items()],
            "pending": [[key, p.event, p.day, *_vector_state(p.vector)] for key, p in self.pending.items()],
            "kept": [[key, day, *_vector_state(vector)] for key, (vector, day) in self.kept.items()],
            "split_checked": list(self.split_checked.items()),
        }

    @classmethod
    def from_state(cls, state: Mapping, settings: StorySettings) -> Events:
        events = cls(settings)
        events.next_id, events.changed = state["next_id"], set(state["changed"])
        events.index = Index.from_state(settings.groups_per_term, settings.vector_terms, state["index"])
        events.groups = {event: Group.from_state(group) for event, group in state["groups"]}
        events.pending = {key: Pending(vector_from_state(rest), event, day)
                          for key, event, day, *rest in state["pending"]}
        events.kept = OrderedDict((key, (vector_from_state(rest), day)) for key, day, *rest in state.get("kept", []))
        events.split_checked = dict(state.get("split_checked", []))
        return events


def _final(merged: Mapping[int, tuple[int, Group]], event: int) -> int:
    """Where a merged-away event ended up, following merges of merges."""
    while event in merged:
        event = merged[event][0]
    return event


def _vector_state(vector: Vector) -> list:
    return [vector.words, vector.numbers, sorted(vector.languages),
            None if vector.embedding is None else vector.embedding.tolist()]


def vector_from_state(state: list) -> Vector:
    words, numbers, languages, embedding = state
    return Vector(words, numbers, languages=frozenset(languages),
                  embedding=None if embedding is None else np.asarray(embedding))
