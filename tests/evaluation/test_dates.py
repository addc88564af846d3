import json

from storyline.evaluation.dates import score_page_dates

PAGE = """<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>
<p>The harbour board of Lune voted on Tuesday to rebuild the old ferry pier before the summer season,
after two winters of storms left its timber piles rotten and its landing stage closed to passengers.</p>
</article></body></html>"""


def _page(folder, name, title, published=None):
    meta = f'<meta property="article:published_time" content="{published}T09:00:00+00:00">' if published else ""
    (folder / name).write_text(PAGE.format(title=title, meta=meta), encoding="utf-8")


def test_pages_are_scored_right_wrong_or_given_a_date_they_do_not_have(tmp_path):
    _page(tmp_path, "right.html", "Ferry pier to be rebuilt", "2024-04-08")
    _page(tmp_path, "wrong.html", "Pier works begin", "2024-05-02")
    _page(tmp_path, "either.html", "Pier reopens", "2024-06-30")
    _page(tmp_path, "undated.html", "About the harbour board", "2024-01-15")
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({
        "right.html": {"date": "2024-04-08"}, "wrong.html": {"date": "2024-05-01"},
        "either.html": {"date": "2024-07-01", "also": ["2024-06-30"]}, "undated.html": {"date": None},
    }))
    result = score_page_dates(tmp_path, labels)
    assert (result.right, result.dated, result.undated) == (2, 3, 1)
    assert result.wrong == ["wrong.html: 2024-05-02, labelled 2024-05-01"]
    assert result.undated_given == ["undated.html: 2024-01-15"]
    assert result.accuracy == 2 / 3
