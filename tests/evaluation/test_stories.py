import json

import pytest
from conftest import SHARED, needs_shared

from storyline.evaluation.stories import bcubed, evaluate_stories


def test_bcubed_perfect_clustering():
    score = bcubed(["a", "a", "b"], ["x", "x", "y"])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_bcubed_split_class_hand_computed():
    # One gold class of 3 split 2 + 1: precision 1; recall (2/3 + 2/3 + 1/3) / 3 = 5/9.
    score = bcubed(["a", "a", "b"], ["x", "x", "x"])
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(5 / 9)
    assert score.f1 == pytest.approx(10 / 14)


def test_bcubed_merged_classes_hand_computed():
    # Two gold classes of 2 merged into one cluster: precision 2/4 per item, recall 1.
    score = bcubed([1, 1, 1, 1], ["x", "x", "y", "y"])
    assert (score.precision, score.recall) == (pytest.approx(0.5), pytest.approx(1.0))
    assert score.f1 == pytest.approx(2 / 3)


def test_bcubed_rejects_mismatched_lengths_and_handles_empty():
    with pytest.raises(ValueError):
        bcubed([1], [1, 2])
    assert bcubed([], []).f1 == 0.0


def test_evaluate_stories_on_fictional_labelled_articles(tmp_path):
    rows = [
        ("bridge", "The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers."),
        ("strike", "Kessport dock workers vote to strike over pay, the union said."),
        ("bridge", "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired."),
        ("strike", "Ships queue outside Kessport as the dock workers strike over pay begins."),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": t, "story": s}) + "\n" for s, t in rows) + '{"text": "no label"}\n')
    result = evaluate_stories(path).as_dict()
    story = result["story"]
    assert (story["f1"], story["groups"], result["gold_stories"], result["skipped"]) == (1.0, 2, 2, 1)
    assert result["event"]["f1"] == 1.0 and result["event"]["alone"] == 0.0
    assert set(result["story"]) >= {"precision", "recall", "f1", "groups", "alone", "languages"}


def test_evaluate_stories_can_take_a_random_order(tmp_path, monkeypatch):
    import storyline.evaluation.stories as module
    from storyline.stories import cluster_both

    seen = []

    def recording(articles, settings):
        seen.append([a.text for a in articles])
        return cluster_both(articles, settings)

    monkeypatch.setattr(module, "cluster_both", recording)
    texts = [f"Varrow council report number {n} on the Harlan Street Bridge repairs." for n in range(8)]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": t, "story": "bridge"}) + "\n" for t in texts))
    assert evaluate_stories(path).as_dict()["story"]["f1"] == 1.0 and seen[-1] == texts
    shuffled = evaluate_stories(path, shuffle=7).as_dict()
    assert shuffled["story"]["f1"] == 1.0 and seen[-1] != texts and sorted(seen[-1]) == sorted(texts)
    assert evaluate_stories(path, shuffle=7) and seen[-1] == seen[-2], "the same seed gives the same order"


@needs_shared("datasets", "ecb_dev")
def test_evaluate_stories_on_ecb_dev_reports_all_articles():
    result = evaluate_stories(SHARED / "datasets" / "ecb_dev" / "articles.jsonl").as_dict()
    assert result["articles"] == 462 and result["gold_stories"] == 40
    assert 0.94 <= result["event"]["f1"] <= 1.0, "the README reports 0.944"
    assert result["story"]["groups"] < result["event"]["groups"]


def test_folds_deal_topics_out_in_turn_and_cover_everything_once():
    from storyline.evaluation.stories import in_fold

    assert [in_fold(topic, (1, 2)) for topic in ("1", "2", "3", "22")] == [True, False, True, False]
    for value in ("7", "plus", ""):
        assert sum(in_fold(value, (i, 3)) for i in (1, 2, 3)) == 1


def test_the_mean_of_runs_averages_precision_and_recall_and_keeps_the_range():
    from storyline.evaluation import PRF
    from storyline.evaluation.stories import (
        LevelScore,
        StoryEvaluation,
        mean_evaluation,
    )

    def run(p: float, r: float) -> StoryEvaluation:
        level = LevelScore(PRF(p, r), 3, 0.0)
        return StoryEvaluation({"event": level, "story": level}, 2, 10, 1.0, 0)

    mean = mean_evaluation([run(1.0, 0.5), run(0.5, 1.0)])
    assert (mean["story"]["precision"], mean["story"]["recall"], mean["story"]["f1"]) == (0.75, 0.75, 0.75)
    assert (mean["story"]["f1_min"], mean["story"]["f1_max"]) == (0.6667, 0.6667) and mean["runs"] == 2


@needs_shared("datasets", "uci_headlines")
def test_headlines_are_all_english_and_their_stories_found():
    """A guard on the headlines: every one is taken for English, and story F1 stays where the README puts it (0.769
    in file order, which moves by a point either way with any change of features; 0.780 over five orders)."""
    result = evaluate_stories(SHARED / "datasets" / "uci_headlines" / "articles.jsonl").as_dict()
    assert list(result["story"]["languages"]) == ["en"]
    assert result["story"]["f1"] >= 0.76 and result["event"]["f1"] < result["story"]["f1"]
