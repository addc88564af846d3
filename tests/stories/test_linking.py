"""Stories: linking a new event, re-checking it as it grows, relinking a new story, and time."""

from datetime import date

import pytest
from story_texts import BACKGROUND, BRIDGE_CLOSED, BRIDGE_REOPENED, article

from storyline.stories import DEFAULTS, OnlineClusterer
from storyline.stories.groups import Group, Similarity
from storyline.stories.vectors import Vector


def test_two_small_groups_are_compared_as_articles_are_and_two_grown_ones_as_centroids():
    stories = OnlineClusterer().stories
    assert stories.bar(1, 500) == stories.bar(3, 3) == DEFAULTS.link_threshold
    assert stories.bar(4, 500) == DEFAULTS.group_link_threshold > DEFAULTS.link_threshold


def test_time_fades_a_story_slowly_and_never_below_its_floor():
    similarity = Similarity(0.0, 2, 0.0, DEFAULTS.story_half_life_days, DEFAULTS.story_decay_floor)
    group = Group()
    group.add(Vector({"harlan": 1.0}, {}), 0, 0, 10)
    article = Vector({"harlan": 1.0}, {})
    scores = [similarity(article, group, day, day) for day in (0, 90, 365, 3650)]
    floor = DEFAULTS.story_decay_floor
    assert scores[0] == 1.0 and scores[1] == pytest.approx(floor + (1 - floor) / 2), "half-way to the floor"
    assert scores[0] > scores[1] > scores[2] > scores[3] >= floor


def test_a_new_story_joins_an_older_one_it_turns_out_to_belong_to():
    clusterer = OnlineClusterer()
    for i, text in enumerate(BACKGROUND):
        clusterer.add(f"g{i}", article(f"g{i}", text, date(2024, 2, 1 + i)), event=100 + i, story=100 + i)
    _, alone = clusterer.add("r0", article("r0", BRIDGE_REOPENED[0], date(2024, 9, 10)))
    assert alone not in range(100, 106) and alone in clusterer.stories.fresh
    for i, text in enumerate(BRIDGE_CLOSED[:3]):  # the older story, stored by hand after the new one was placed
        clusterer.add(f"c{i}", article(f"c{i}", text, date(2024, 3, 1 + i)), event=40, story=40)
    assert clusterer.maintain() == {alone: 40}
    assert sorted(clusterer.members[40]) == ["c0", "c1", "c2", "r0"]
    assert len(clusterer.stories.groups[40].members) == 2, "the reopening stays an event of its own"


def test_a_story_that_took_another_is_compared_again():
    """Two new stories that join each other can together reach an older story that neither reaches alone."""
    clusterer = OnlineClusterer()
    stories, index = clusterer.stories, clusterer.events.index
    near = 0.9 * DEFAULTS.group_link_threshold
    spare = (1 - near**2 - 0.5**2) ** 0.5
    grown = DEFAULTS.relink_articles + 1  # groups this large are held to the grown bar
    parts = {1: {"harlan": 1.0},  # the older story
             2: {"harlan": near, "bridge": 0.5, "closure": spare},  # two new stories, each short of the older one
             3: {"harlan": near, "bridge": 0.5, "detour": spare}}
    for story, words in parts.items():
        stories.add(story, Vector(words, {}, count=grown), None, None, story=story)
        index.add(story, words)
    stories.fresh = {2, 3}
    new = stories.groups[2]
    assert stories.similarity(new.vector(), stories.groups[1], None, None) < DEFAULTS.group_link_threshold
    assert stories.relink(None) == {3: 2, 2: 1}, "3 joins 2 first, then the two join 1"
    assert stories.of == {1: 1, 2: 1, 3: 1}
