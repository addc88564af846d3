"""Every hostile input the hardening issue lists, in one folder beside 15 good articles, as an operations team
would feed them: the good ones are stored, each bad one is named on one line, nothing raises."""

from __future__ import annotations

import json
import os
import time

from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import open_store

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>T</title><item><title>Ferry &lol2;</title>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><description>The ferry sailed &lol2;.</description></item>
</channel></rss>
"""


def _good(n: int) -> dict:
    return {"id": f"good-{n}", "date": f"2024-02-{n + 1:02d}", "source": "Orlen [/] Courier",
            "title": f"Ferry [bold]{n}[/]", "text": f"The Orlen ferry made crossing {n} of the winter, its crew said."}


def test_one_folder_of_every_hostile_input_stores_the_15_good_articles_and_names_each_bad_one(tmp_path, new_db):
    folder = tmp_path / "inbox"
    folder.mkdir()
    bad_lines = ["[" * 5000 + "]" * 5000,
                 '{"date": "2024-01-02", "text": "x", "n": ' + "9" * 5000 + "}",
                 '{"date": "2024-01-02", "text": "a \\ud800 b"}',
                 json.dumps({"date": "0001-01-01", "text": "The ferry sank."}),
                 json.dumps({"date": "9999-12-31", "text": "The ferry sank."}),
                 json.dumps({"date": "-0001-01-01", "text": "The ferry sank."})]
    good = [json.dumps(_good(n)) for n in range(10)]
    (folder / "mixed.jsonl").write_text("\n".join(good[:5] + bad_lines + good[5:]) + "\n")
    rows = ["text,date", '"' + "A long field about the Orlen ferry. " * 4000 + '",2024-03-01',
            "The Varrow bridge reopened on Monday.,2024-03-02", '"The quote that never closes,2024-03-03',
            "The harbour strike ended.,2024-03-04"]
    (folder / "rows.csv").write_text("\n".join(rows) + "\n")
    for n in range(2):
        (folder / f"seed-{n}.txt").write_text(f" date 2024-04-0{n + 1} The Caddis choir sang concert {n} in the hall.")
    (folder / "laughs.rss").write_text(LAUGHS)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(b" date 2024-01-02 The cafe reopened.")
    (folder / "empty.txt").write_text("")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    db = new_db("hardening")
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    assert time.perf_counter() - start < 60
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    with open_store(db) as store:
        assert store.count_articles() == 15, "10 JSONL records, 3 CSV rows (one 144,000 characters long), 2 seeds"
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    for name in ["mixed.jsonl:6", "mixed.jsonl:7", "mixed.jsonl:8", "mixed.jsonl:9", "mixed.jsonl:10",
                 "mixed.jsonl:11", "rows.csv:4", "laughs.rss", "dangling.txt", "pipe.txt", "caf", "empty.txt",
                 "image.png"]:
        assert sum(name in line for line in skipped) == 1, (name, skipped)
    listed = CliRunner().invoke(app, ["articles", "--db", db, "--limit", "20"])
    assert listed.exit_code == 0 and "Orlen [/] Courier" in listed.stdout


def test_a_one_megabyte_one_line_article_ingests_in_under_two_seconds(tmp_path, new_db):
    line = "The Orlen ferry sailed on Tuesday with forty passengers aboard, the harbour master said. " * 11_500
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"date": "2024-01-02", "text": line}) + "\n")
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", new_db("long")])
    assert result.exit_code == 0, result.output
    assert len(line) > 1_000_000 and time.perf_counter() - start < 2
