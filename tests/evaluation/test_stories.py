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
    assert (result["f1"], result["stories"], result["gold_stories"], result["skipped"]) == (1.0, 2, 2, 1)
    assert set(result) >= {"precision", "recall", "f1", "stories", "gold_stories", "articles_per_s"}


def test_evaluate_stories_can_take_a_random_order(tmp_path, monkeypatch):
    import storyline.evaluation.stories as module
    from storyline.stories import cluster

    seen = []

    def recording(articles, settings):
        seen.append([a.text for a in articles])
        return cluster(articles, settings)

    monkeypatch.setattr(module, "cluster", recording)
    texts = [f"Varrow council report number {n} on the Harlan Street Bridge repairs." for n in range(8)]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": t, "story": "bridge"}) + "\n" for t in texts))
    assert evaluate_stories(path).as_dict()["f1"] == 1.0 and seen[-1] == texts
    shuffled = evaluate_stories(path, shuffle=7).as_dict()
    assert shuffled["f1"] == 1.0 and seen[-1] != texts and sorted(seen[-1]) == sorted(texts)
    assert evaluate_stories(path, shuffle=7) and seen[-1] == seen[-2], "the same seed gives the same order"


@needs_shared("datasets", "ecb_dev")
def test_evaluate_stories_on_ecb_dev_reports_all_articles():
    result = evaluate_stories(SHARED / "datasets" / "ecb_dev" / "articles.jsonl").as_dict()
    assert result["articles"] == 462 and result["gold_stories"] == 40
    assert 0.0 < result["f1"] <= 1.0
