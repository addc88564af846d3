import json
from datetime import date

from storyline.model import Story, TimelineEntry
from storyline.render import timeline_html, timeline_json, timeline_markdown

STORY = Story(id=4, label="Orlen <dam>", article_ids=["a", "b"], first=date(2024, 1, 8), last=date(2024, 1, 9))
ENTRIES = [
    TimelineEntry(date(2024, 1, 8), "day", "Engineers inspected the dam.", "b", 0, "Orlen Courier", "https://o.example/b"),
    TimelineEntry(date(2024, 1, 1), "month", "Rain <script>alert(1)</script> fell all month.", "a", 3),
]


def test_markdown_cites_every_entry():
    text = timeline_markdown(STORY, ENTRIES, ["Orlen Courier"])
    assert "- **2024-01-08** Engineers inspected the dam. _(Orlen Courier, b#0)_" in text
    assert "- **2024-01** Rain" in text and "_(a#3)_" in text


def test_json_has_provenance_and_precision():
    data = json.loads(timeline_json(STORY, ENTRIES, ["Orlen Courier"]))
    assert data["story"]["id"] == 4 and data["story"]["sources"] == ["Orlen Courier"]
    assert data["entries"][0]["provenance"] == {"article": "b", "sentence": 0, "source": "Orlen Courier",
                                                "url": "https://o.example/b"}
    assert data["entries"][1]["date"] == "2024-01" and data["entries"][1]["precision"] == "month"
    assert data["entries"][1]["label"] == "2024-01"


def test_html_escapes_article_text():
    page = timeline_html(STORY, ENTRIES)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Orlen &lt;dam&gt;" in page and 'href="https://o.example/b"' in page


def test_a_week_is_shown_as_a_week_not_a_day():
    entry = TimelineEntry(date(2020, 6, 22), "week", "Writing began three weeks ago.", "a", 1)
    assert "**week of 2020-06-22**" in timeline_markdown(STORY, [entry])
    assert json.loads(timeline_json(STORY, [entry]))["entries"][0]["label"] == "week of 2020-06-22"
    assert '<time datetime="2020-06-22">week of 2020-06-22</time>' in timeline_html(STORY, [entry])
