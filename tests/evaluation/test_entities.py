import json

import pytest

from storyline.evaluation.entities import evaluate_entities, retrieval_scores


def test_retrieval_scores_hand_computed():
    # Stories A = {0, 1}, B = {2, 3}, C = {4}. Entities: {0, 1}, {2, 3}, {0, 2}, {4}.
    # Query 0 finds 1 and 2 (tied; 1 first): AP 1, R-precision 1. Query 1 finds 0: 1, 1.
    # Query 2 finds 0 then 3: AP 1/2, R-precision 0. Query 3 finds 2: 1, 1. Query 4 has no story-mate.
    mean_ap, r_precision, coverage = retrieval_scores([{0, 1}, {2, 3}, {0, 2}, {4}], ["A", "A", "B", "B", "C"])
    assert mean_ap == pytest.approx(3.5 / 4)
    assert r_precision == pytest.approx(3 / 4)
    assert coverage == 1.0


def test_an_article_sharing_nothing_finds_nothing():
    mean_ap, _, coverage = retrieval_scores([{0, 1}], ["A", "A", "A"])
    assert mean_ap == pytest.approx((1 + 1 + 0) / 3 * 0.5)  # 0 and 1 each find one of their two story-mates
    assert coverage == pytest.approx(2 / 3)


def test_evaluate_entities_on_fictional_stories(tmp_path):
    rows = [
        {"text": "Coach Mira Okafor led the Lune Rovers to the title in Varnholm.", "story": "title"},
        {"text": "Okafor lifted the cup as Lune Rovers fans filled Varnholm.", "story": "title"},
        {"text": "Coach Tomas Rell left Kessport United after a poor season.", "story": "sacked"},
        {"text": "Kessport United named a new coach after Rell left.", "story": "sacked"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    for scope in ("story", "article", "names"):
        result = evaluate_entities(path, scope=scope)
        assert result.articles == 4 and result.mean_average_precision == pytest.approx(1.0)
    with pytest.raises(ValueError):
        evaluate_entities(path, scope="galaxy")
