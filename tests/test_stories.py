from datetime import date

from storyline.model import Article
from storyline.stories import METHOD, build_stories, cluster, label


def _a(i: int, text: str, day: int) -> Article:
    return Article(raw_text=text, text=text, published=date(2024, 2, day), id=f"a{i}")


BRIDGE = [
    "The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.",
    "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.",
    "Varrow council votes to replace the Harlan Street Bridge with a new crossing.",
]
STRIKE = [
    "Kessport dock workers vote to strike over pay, the union said.",
    "Ships queue outside Kessport as the dock workers strike over pay begins.",
]


def test_two_stories_are_kept_apart_and_each_held_together():
    articles = [_a(0, BRIDGE[0], 1), _a(1, STRIKE[0], 2), _a(2, BRIDGE[1], 3), _a(3, STRIKE[1], 4),
                _a(4, BRIDGE[2], 5)]
    assert cluster(articles) == [[0, 2, 4], [1, 3]]


def test_build_stories_names_the_method_and_the_dates():
    articles = [_a(i, t, i + 1) for i, t in enumerate(BRIDGE)]
    [story] = build_stories(articles)
    assert story.method == METHOD and story.article_ids == ["a0", "a1", "a2"]
    assert (story.first, story.last) == (date(2024, 2, 1), date(2024, 2, 3))
    assert "Harlan Street Bridge" in story.label and "Varrow" in story.label


def test_label_prefers_shared_names_and_skips_sentence_starters():
    articles = [_a(0, "The Orlen Library reopened. Ada Quist spoke.", 1), _a(1, "The Orlen Library is busy.", 2)]
    assert label(articles).startswith("Orlen Library")


def test_empty_input():
    assert build_stories([]) == []


def test_terms_boost_names_keep_numbers_and_drop_stop_words():
    from storyline.stories import NAME_WEIGHT, _terms

    terms = _terms(_a(0, "Floods hit Orlen. The river rose 3 metres as Ada Quist watched.\nOrlen stayed calm.", 1))
    assert terms["floods"] == 1.0, "capitalised only because it starts the text"
    assert terms["orlen"] == NAME_WEIGHT + 1.0, "a name inside a sentence, then at the start of one"
    assert terms["quist"] == NAME_WEIGHT and terms["ada"] == NAME_WEIGHT
    assert "the" not in terms and "as" not in terms
    assert "metres" in terms and "3" not in terms, "single digits are too common to tell events apart"


def test_update_places_new_articles_and_keeps_ids():
    from storyline.stories import update_stories

    bridge = [_a(i, t, i + 1) for i, t in enumerate(BRIDGE[:2])]
    late_bridge, strike = _a(7, BRIDGE[2], 9), _a(8, STRIKE[0], 10)
    changed = update_stories({5: bridge}, [late_bridge, strike])
    assert [(s.id, s.article_ids) for s in changed] == [(5, ["a0", "a1", "a7"]), (6, ["a8"])]


def test_label_leaves_out_months_and_weekdays():
    articles = [_a(0, "On Thursday, Kessport dock workers struck. In February the Kessport port was quiet.", 1),
                _a(1, "By Thursday the Kessport strike had spread. February ended calmly.", 2)]
    assert label(articles) == "Kessport"


def test_label_is_the_same_whatever_the_hash_seed():
    import subprocess
    import sys

    code = ("from storyline.model import Article; from storyline.stories import label; "
            "print(label([Article(raw_text='', text='Ada Quist met Bo Lind and Cy Marr in Orlen.')]))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(runs) == 1
