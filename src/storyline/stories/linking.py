"""Stories, the second level: events chained into what a reader follows for months.

A story is compared with articles by the centroid of all its articles, so
what persists across its events (the people, places and vocabulary of the
whole affair) weighs most, and time fades it slowly. Numbers do not count
here: tolls and amounts change from event to event, and every story of a
year cites that year. A new event's first
article joins the most similar story that clears ``link_threshold``, else
it starts a story. At each maintenance step a story started since the last
one is compared once more, as a whole, with the stories as they are now.
When two events of two stories merge, the merged event stays in the older
event's story: one converged event never makes two grown stories one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from storyline.stories.groups import Group, Index, Similarity
from storyline.stories.settings import StorySettings
from storyline.stories.vectors import Vector


class Stories:
    """Stories as groups of events (``Group.members`` holds event ids), with centroids over all their articles."""

    def __init__(self, settings: StorySettings, index: Index) -> None:
        self.settings = settings
        self.similarity = Similarity(0.0, settings.min_numbers, settings.embedding_weight,
                                     settings.story_half_life_days, settings.story_decay_floor)
        self.groups: dict[int, Group] = {}
        self.index = index
        """The events' index: candidate stories are the stories of candidate events."""
        self.of: dict[int, int] = {}
        """The story of each event."""
        self.next_id = 1
        self.fresh: set[int] = set()
        """Stories started since the last maintenance step."""
        self.new_events: set[int] = set()
        """Events started since the last maintenance step (in any story)."""
        self.checked: dict[int, int] = {}
        """How many articles each event had when ``recheck`` last compared it with its story."""
        self.story_checked: dict[int, int] = {}
        """How many articles each story had when ``recheck`` last compared all its events with it."""

    def best(self, vector: Vector, first: int | None, last: int | None, centre: np.ndarray | None,
             least: float = 0.0, exclude: int | None = None) -> int | None:
        """The most similar story that ``vector`` (an article, or a group of ``vector.count`` articles) reaches the bar
        of, and at least ``least``; None if there is none."""
        settings = self.settings
        best, best_score = None, least
        events = self.index.candidates(vector.words, settings.query_terms, settings.max_candidates,
                                       self.of.__contains__, recent=vector.embedding is not None)
        candidates = dict.fromkeys(map(self.of.__getitem__, events))
        candidates.pop(exclude, None)
        for story in candidates:
            group = self.groups[story]
            score = self.similarity(vector, group, first, last, centre)
            if score >= max(best_score, self.bar(vector.count, group.count)):
                best, best_score = story, score
        return best

    def add(self, event: int, vector: Vector, day: int | None, centre: np.ndarray | None,
            story: int | None = None) -> int:
        """Add an article of ``event`` to the event's story; a new event joins ``story``, the most similar story
        or a new one."""
        known = self.of.get(event)
        if known is not None:
            story = known
        else:
            if story is None:
                story = self.best(vector, day, day, centre)
                if story is None:
                    story = self.next_id
                    self.fresh.add(story)
            self.of[event] = story
            self.new_events.add(event)
        group = self.groups.get(story)
        if group is None:
            group = self.groups[story] = Group()
            self.next_id = max(self.next_id, story + 1)
        if known is None:
            group.members.append(event)
        self._grow(story, vector, day, day)
        return story

    def _grow(self, story: int, vector: Vector, first: int | None, last: int | None) -> None:
        self.groups[story].add(vector, first, last, self.settings.story_terms)

    def move(self, vector: Vector, first: int | None, last: int | None, source: int, target: int) -> None:
        """Articles (one, or an event's sum) moved from story ``source`` to ``target``: move their weight too."""
        if source != target:
            self.groups[source].remove(vector)
            self._grow(target, vector, first, last)

    def detach(self, event: int) -> None:
        """An event is gone: its story forgets it, and a story left with no event is gone too."""
        story = self.of.pop(event)
        self.checked.pop(event, None)
        group = self.groups[story]
        group.members.remove(event)
        if not group.members:
            del self.groups[story]
            self.fresh.discard(story)
            self.story_checked.pop(story, None)

    def attach(self, event: int, story: int) -> None:
        """A new event split off from an event of ``story`` stays in that story (until ``recheck``)."""
        self.of[event] = story
        self.groups[story].members.append(event)
        self.new_events.add(event)

    def join(self, a: int, b: int) -> int:
        """Make two stories one under the older id; returns it."""
        keep, drop = sorted((a, b))
        if keep != drop:
            gone = self.groups.pop(drop)
            self.groups[keep].absorb(gone, self.settings.story_terms)
            for event in gone.members:
                self.of[event] = keep
            self.fresh.discard(drop)
            self.story_checked.pop(drop, None)
        return keep

    def bar(self, articles: int, other: int) -> float:
        """What two groups of articles must reach to be one story: as an article does with a story when either is
        small, as centroids do (smoother, so more similar) when both have grown."""
        settings = self.settings
        grown = min(articles, other) > settings.relink_articles
        return settings.group_link_threshold if grown else settings.link_threshold

    def recheck(self, events: Mapping[int, Group], grown: Iterable[int], centre: np.ndarray | None) -> None:
        """Compare each event started since the last step, and each of the ``grown`` events that has doubled since
        it was last compared, with the rest of its story; move it to a story it fits better, or to a story of its
        own when it no longer fits.

        An event is linked to a story by its first article, the least
        informed moment: the first report of an uprising next door reads
        like the story before it, and only as it grows does it show what
        it is about.
        """
        checked = self.checked
        due = self.new_events.union(e for e in grown if events[e].count >= 2 * checked.get(e, events[e].count))
        for story in {self.of[e] for e in grown if e in self.of}:  # a story that doubled: each of its events again
            group = self.groups[story]
            if group.count >= 2 * self.story_checked.setdefault(story, group.count):
                self.story_checked[story] = group.count
                due.update(group.members)
        for event in sorted(due):
            story = self.of.get(event)
            group = self.groups.get(story) if story is not None else None
            if group is None or event not in events:
                continue
            checked[event] = events[event].count
            if len(group.members) == 1:
                continue
            vector, first, last = events[event].vector(), events[event].first, events[event].last
            part = group.remove(vector)
            own = self.similarity(vector, group, first, last, centre)
            target = self.best(vector, first, last, centre, own, exclude=story)
            if target is None and own >= self.bar(vector.count, group.count):
                group.add(part, None, None, self.settings.story_terms)
                continue
            group.members.remove(event)
            if target is None:
                target = self.next_id
                self.fresh.add(target)
                self.groups[target] = Group()
                self.next_id += 1
            self.of[event] = target
            self.groups[target].members.append(event)
            self._grow(target, vector, first, last)
        self.new_events.clear()

    def relink(self, centre: np.ndarray | None) -> dict[int, int]:
        """Compare each story started since the last step, as it is now, with the others; join it to the most
        similar if that clears the bar. Returns the stories joined away, each with the story that took them.

        A story that took another is compared once more: what the two share
        can bring it over the bar of a third story it missed alone (the Iraq
        War's opinion pieces and its reports, started as stories of their own
        in one step, became one only so).
        """
        joined: dict[int, int] = {}
        due = sorted(self.fresh, reverse=True)
        while due:
            story = due.pop()
            group = self.groups.get(story)
            if group is None:
                continue
            other = self.best(group.vector(), group.first, group.last, centre, exclude=story)
            if other is not None:
                keep = self.join(story, other)
                joined[story if keep == other else other] = keep
                due.append(keep)
        self.fresh.clear()
        return joined

    def state(self) -> dict:
        return {
            "next_id": self.next_id, "fresh": sorted(self.fresh), "new_events": sorted(self.new_events),
            "checked": list(self.checked.items()), "story_checked": list(self.story_checked.items()),
            "groups": [[story, group.state()] for story, group in self.groups.items()],
        }

    @classmethod
    def from_state(cls, state: Mapping, settings: StorySettings, index: Index) -> Stories:
        stories = cls(settings, index)
        stories.next_id, stories.fresh = state["next_id"], set(state["fresh"])
        stories.new_events = set(state["new_events"])
        stories.checked, stories.story_checked = dict(state["checked"]), dict(state["story_checked"])
        stories.groups = {story: Group.from_state(group) for story, group in state["groups"]}
        stories.of = {event: story for story, group in stories.groups.items() for event in group.members}
        return stories
