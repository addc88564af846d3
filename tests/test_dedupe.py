from storyline.dedupe import DuplicateIndex, signature, similarity

BASE = ("Container ships queued outside Kessport on Thursday as dock workers walked out over pay. "
        "The union said the strike would continue until the port raised its offer. "
        "Nineteen vessels waited at anchor by the afternoon, the harbour master said.")


def test_near_copies_are_similar_and_other_stories_are_not():
    copy = BASE + " This story was syndicated from the Harbour Times."
    other = "The Orlen library reopened after two years of repairs to its flooded basement and its roof."
    assert similarity(signature(BASE), signature(copy)) >= 0.8
    assert similarity(signature(BASE), signature(other)) < 0.2


def test_index_groups_copies_under_the_first_and_keeps_url_versions_apart():
    index = DuplicateIndex()
    index.add("a", signature(BASE), "h1", "https://ht.example/1")
    copy = signature(BASE + " Syndicated.")
    assert index.find(copy, "h2", "https://wire.example/9") == "a"
    index.add("b", copy, "h2", "https://wire.example/9", dup_of="a")
    third = signature(BASE + " Syndicated again.")
    assert index.find(third, "h3") == "a", "a copy of a copy points at the canonical article"
    assert index.find(signature(BASE + " Updated."), "h4", "https://ht.example/1") is None
    assert index.find(signature("Something else entirely, about a chess club in Bexmoor."), "h5") is None


def test_exact_copy_found_by_hash_even_when_very_short():
    index = DuplicateIndex()
    index.add("a", signature("Short."), "same", "https://one.example")
    assert index.find(signature("Short."), "same", "https://two.example") == "a"
    assert len(index) == 1
