"""Tracking a folder of topics as one stream: fictional topics here, and the shared Timeline17 when present."""

import json
from pathlib import Path

from conftest import SHARED, needs_shared

from storyline.evaluation.tracking import evaluate_tracking

BRIDGE = [
    ("2024-03-04", "The Harlan Street Bridge in Varrow closed on Monday after engineers found cracks in its piers .\n"
                   "Mayor Edith Marrow said the Harlan Street Bridge would stay shut for three weeks ."),
    ("2024-03-05", "Traffic queued across Varrow as the Harlan Street Bridge stayed closed for a second day .\n"
                   "Engineers said the cracked piers of the Harlan Street Bridge must be rebuilt ."),
    ("2024-03-20", "Varrow council voted to rebuild the piers of the Harlan Street Bridge .\n"
                   "Edith Marrow said the Harlan Street Bridge would reopen in the autumn ."),
]
STRIKE = [
    ("2024-03-06", "Kessport dock workers began a strike over pay on Wednesday , the Coastal Transport Union said .\n"
                   "Ships queued outside Kessport as the dock strike began ."),
    ("2024-03-07", "The Kessport dock strike entered its second day with ships still waiting outside the harbour .\n"
                   "Union secretary Jonas Feldt said the dock workers would not return without a pay rise ."),
    ("2024-03-12", "The Kessport dock strike ended after workers accepted a pay rise , Jonas Feldt said .\n"
                   "Ships began unloading in Kessport on Tuesday ."),
]


def _topic(root: Path, name: str, articles: list[tuple[str, str]], gold: list) -> None:
    (root / name / "timelines").mkdir(parents=True)
    (root / name / "articles.jsonl").write_text("".join(
        json.dumps({"id": f"{name}-{i}", "date": day, "source": "Lune Gazette", "text": text}) + "\n"
        for i, (day, text) in enumerate(articles)), encoding="utf-8")
    (root / name / "timelines" / "gazette.json").write_text(json.dumps(gold), encoding="utf-8")


def test_each_topic_is_tracked_into_its_own_story_and_its_timeline_scored(tmp_path):
    _topic(tmp_path, "bridge", BRIDGE, [["2024-03-04", ["The Harlan Street Bridge closed after cracks were found."]],
                                        ["2024-03-20", ["The council voted to rebuild the bridge piers."]]])
    _topic(tmp_path, "strike", STRIKE, [["2024-03-06", ["Kessport dock workers went on strike over pay."]],
                                        ["2024-03-12", ["The strike ended with a pay rise."]]])
    steps = []
    result = evaluate_tracking(tmp_path, on_step=steps.append)
    assert steps[:2] == ["ingesting", "tracking stories"]
    assert [t.topic for t in result.topics] == ["bridge", "strike"]
    assert (result.score.precision, result.score.recall, result.alone, result.stories) == (1.0, 1.0, 0.0, 2)
    for topic in result.topics:
        assert topic.main_share == 1.0 and len(topic.tracked) == len(topic.given) == 1
        assert topic.tracked[0].scores["date"].f1 > 0
    assert result.as_dict()["timelines"]["tracked"]["align_m1_rouge1_f1"] > 0
    without = evaluate_tracking(tmp_path, timelines=False)
    assert without.topics[0].tracked == [] and without.score == result.score


@needs_shared("datasets", "t17")
def test_timeline17_tracked_as_one_stream_keeps_topics_apart_and_few_articles_alone():
    """A guard on what the stories issue asked of Timeline17 as one stream (the README reports precision 0.974, recall 0.725
    and 6.5% alone)."""
    result = evaluate_tracking(SHARED / "datasets" / "t17", timelines=False)
    assert result.score.precision >= 0.97 and result.alone <= 0.10
    assert result.score.recall >= 0.7, "stories that joined are compared again"
    assert sum(topic.main_share >= 0.7 for topic in result.topics) >= 7, "most topics have one main story"
