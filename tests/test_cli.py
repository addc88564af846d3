import contextlib
import json
import re

import pytest
from conftest import DEMO, SHARED, needs_shared
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import open_store

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def db(new_db):
    return new_db("cli")


def _mixed_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(" date 2024-01-05 The Orlen dam held during the storm, engineers said.\n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_text("")
    (folder / "rows.csv").write_text(
        "id,date,title,text\n"
        "r1,2024-01-06,Dam,\"Engineers inspected the Orlen dam after the storm.\"\n"
        "r2,2024-01-07,Broken row\n"
        "r3,2024-01-08,Dam,\"The Orlen dam reopened to walkers on Monday.\"\n"
    )
    (folder / "nav.html").write_text("<html><body><nav>Home | Sport</nav><p>Log in</p></body></html>")
    (folder / "latin1.txt").write_bytes(" date 2024-01-09 Caf\xe9 owners in Orlen reopened.".encode("latin-1"))
    (folder / "undated.txt").write_text("An Orlen note without any date.")
    (folder / "[draft] notes.jsonl").write_text('[1, 2]\n')
    return folder


def test_ingest_mixed_folder_stores_the_good_names_the_bad_and_exits_3(tmp_path, db):
    result = run("ingest", str(_mixed_folder(tmp_path)), "--db", db)
    assert result.exit_code == 3
    for name, problem in [("image.png", "binary"), ("empty.txt", "empty file"), ("rows.csv:3", "malformed CSV row"),
                          ("nav.html", "no article text"), ("latin1.txt", "not valid UTF-8"),
                          ("undated.txt", "no publication date"),
                          ("[draft] notes.jsonl:1", "expected a JSON object, got list")]:
        assert any(name in line and problem in line for line in result.stderr.splitlines()), (name, result.stderr)
    assert "3 new article(s) stored" in result.stderr
    with open_store(db) as store:
        assert store.count_articles() == 3


def test_ingest_with_encoding_reads_a_latin1_file(tmp_path, db):
    path = tmp_path / "latin1.txt"
    path.write_bytes(" date 2024-01-09 Caf\xe9 owners in Orlen reopened.".encode("latin-1"))
    assert run("ingest", str(path), "--db", db, "--encoding", "latin-1").exit_code == 0
    with open_store(db) as store:
        assert store.articles()[0].text == "Café owners in Orlen reopened."


def test_stdin_and_env_db(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "env.db"))
    result = run("ingest", "-", input='{"date": "2024-02-01", "text": "The Bexmoor choir sang."}\n')
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()


def test_demo_corpus_track_then_list_show_and_timeline(db):
    result = run("track", str(DEMO), "--db", db)
    assert result.exit_code == 0, result.output
    assert "Harlan Street Bridge" in result.stdout and "Kessport" in result.stdout
    stories = json.loads(run("stories", "--db", db, "--json").stdout)
    assert len(stories) == 3
    kessport = next(s for s in stories if "Kessport" in s["label"])
    assert kessport["articles"] == 3 and kessport["sources"] == ["Harbour Times", "Northern Wire"]
    shown = json.loads(run("show", str(kessport["id"]), "--db", db, "--json").stdout)
    copies = [c["source"] for a in shown["article_list"] for c in a["copies"]]
    assert copies == ["Northern Wire"]
    in_events = sorted(a for e in shown["event_list"] for a in e["articles"])
    assert in_events == sorted(a["id"] for a in shown["article_list"])
    film = next(s for s in stories if "Glass Orchard" in s["label"])
    assert film["events"] > 1, "a sequel announced, cast and filmed over eight months: several events of one story"
    printed = run("show", str(film["id"]), "--db", db).stdout
    assert printed.count("Event ") == film["events"]
    timeline = json.loads(run("timeline", str(kessport["id"]), "--db", db, "--format", "json").stdout)
    assert sorted({e["date"] for e in timeline["entries"]}) == ["2024-02-01", "2024-02-08", "2024-02-27"]
    html = run("timeline", str(kessport["id"]), "--db", db, "--format", "html").stdout
    assert html.startswith("<!doctype html>")
    fewer = json.loads(run("timeline", str(kessport["id"]), "--db", db, "--format", "json", "--dates", "1").stdout)
    assert len({e["date"] for e in fewer["entries"]}) == 1
    later = json.loads(run("timeline", str(kessport["id"]), "--db", db, "--format", "json",
                           "--since", "2024-02-05", "--until", "2024-02-27").stdout)
    assert sorted({e["date"] for e in later["entries"]}) == ["2024-02-08", "2024-02-27"]
    bad = run("timeline", str(kessport["id"]), "--db", db, "--since", "Feb 5")
    assert bad.exit_code == 2 and "--since: 'Feb 5' is not a date" in bad.stderr
    largest = json.loads(run("stories", "--db", db, "--json", "--sort", "size", "--limit", "1").stdout)
    assert [s["articles"] for s in largest] == [max(s["articles"] for s in stories)]
    assert all(s["articles"] >= 4 for s in json.loads(run("stories", "--db", db, "--json", "--min-articles", "4").stdout))
    assert run("stories", "--db", db, "--sort", "alphabet").exit_code == 2
    articles = json.loads(run("articles", "--db", db, "--json", "--limit", "5").stdout)
    assert len(articles) == 5
    tracked = json.loads(run("track", str(DEMO), "--db", db, "--json", "--all").stdout)
    assert tracked["ingest"]["stored"] == 0 and tracked["ingest"]["unchanged"] == 12
    assert len(tracked["stories"]) == 3 and all(s["entries"] for s in tracked["stories"])
    assert tracked["changes"]["stories"] == [], "nothing new since the last update"
    again = run("track", str(DEMO), "--db", db)
    assert again.exit_code == 0 and "0 new article(s) stored" in again.stderr
    rebuilt = run("recluster", "--db", db)
    assert rebuilt.exit_code == 0 and "3 stories from 11 articles" in rebuilt.stderr


def test_article_shows_the_sentence_a_citation_names(db):
    run("ingest", str(DEMO), "--db", db)
    timeline = json.loads(run("timeline", "1", "--db", db, "--format", "json").stdout)
    cited = timeline["entries"][0]
    where = f"{cited['provenance']['article'][:8]}#{cited['provenance']['sentence']}"
    shown = json.loads(run("article", where, "--db", db, "--json").stdout)
    assert [s["text"] for s in shown["sentences"]] == [cited["text"]]
    whole = run("article", cited["provenance"]["article"], "--db", db)
    assert whole.exit_code == 0 and f"#{cited['provenance']['sentence']}  {cited['text']}" in whole.stdout
    assert run("article", where.split("#")[0] + "#9999", "--db", db).exit_code == 1
    assert run("article", "no-such-article", "--db", db).exit_code == 1
    assert run("article", "abcd#x", "--db", db).exit_code == 2


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path):
    for command in (("stories",), ("articles",), ("show", "1"), ("timeline", "1"), ("entities",), ("recluster",)):
        result = run(*command, "--db", str(tmp_path / "typo.db"))
        assert result.exit_code == 1 and "typo.db: no such store" in result.stderr, command
    assert not (tmp_path / "typo.db").exists()


def test_unknown_story_and_bad_options(db):
    run("ingest", str(DEMO), "--db", db)
    result = run("show", "999", "--db", db)
    assert result.exit_code == 1 and "no story 999" in result.stderr
    assert run("timeline", "1", "--db", db, "--format", "pdf").exit_code == 2
    assert run("ingest", str(DEMO), "--db", db, "--format", "docx").exit_code == 2


def test_a_settings_file_shapes_timelines_and_reclustering(db, tmp_path):
    run("ingest", str(DEMO), "--db", db)
    largest = str(json.loads(run("stories", "--db", db, "--json", "--sort", "size").stdout)[0]["id"])
    settings = tmp_path / "one-date.toml"
    settings.write_text("[timeline]\ndates = 1\n[stories]\nlink_threshold = 0.9\ngroup_link_threshold = 0.95\n")
    timeline = json.loads(run("--config", str(settings), "timeline", largest, "--db", db, "--format", "json").stdout)
    assert len({entry["date"] for entry in timeline["entries"]}) == 1
    default = json.loads(run("timeline", largest, "--db", db, "--format", "json").stdout)
    assert len({entry["date"] for entry in default["entries"]}) > 1
    before = len(json.loads(run("stories", "--db", db, "--json", "--min-articles", "1").stdout))
    assert run("--config", str(settings), "recluster", "--db", db).exit_code == 0
    after = json.loads(run("stories", "--db", db, "--json", "--min-articles", "1").stdout)
    assert len(after) > before, "stricter links: more stories"
    listed = run("stories", "--db", db)
    assert f"and {sum(s['articles'] == 1 for s in after)} smaller stor" in listed.stderr, "one-article stories fold"
    shown = json.loads(run("--config", str(settings), "config", "--json", "--changed").stdout)
    assert shown["file"] == str(settings) and {r["name"] for r in shown["settings"]} == {
        "dates", "link_threshold", "group_link_threshold"}
    settings.write_text("[timeline]\ndates = 'all'\n")
    bad = run("--config", str(settings), "stories", "--db", db)
    assert bad.exit_code == 2 and "timeline.dates = 'all'" in bad.stderr


def test_export_writes_every_story_as_jsonl_csv_and_a_static_site(db, tmp_path):
    import csv

    run("ingest", str(DEMO), "--db", db)
    stories = json.loads(run("stories", "--db", db, "--json").stdout)
    assert run("export", str(tmp_path / "j"), "--db", db).exit_code == 0
    records = [json.loads(line) for line in (tmp_path / "j" / "stories.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(s["id"] for s in stories)
    assert all(r["timeline"] and r["entities"] and len(r["article_list"]) == r["articles"] for r in records)
    assert run("export", str(tmp_path / "c"), "--db", db, "--format", "csv").exit_code == 0
    with (tmp_path / "c" / "timeline.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r["timeline"]) for r in records) and rows[0]["article"] and rows[0]["text"]
    assert run("export", str(tmp_path / "h"), "--db", db, "--format", "html").exit_code == 0
    index = (tmp_path / "h" / "index.html").read_text()
    assert index.count('class="story-link"') == len(stories) and (tmp_path / "h" / "style.css").exists()
    page = (tmp_path / "h" / "stories" / f"{records[0]['id']}.html").read_text()
    assert 'class="entry"' in page and 'href="../index.html"' in page and "<script" not in page
    assert run("export", str(tmp_path / "x"), "--db", db, "--format", "pdf").exit_code == 2


def test_serve_on_a_busy_port_fails_before_serving(db):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = run("serve", "--db", db, "--port", str(busy.getsockname()[1]))
    assert result.exit_code == 1 and "cannot serve on 127.0.0.1" in result.stderr and "Serving" not in result.stderr


def test_changes_and_claims_commands(db, tmp_path):
    run("track", str(DEMO), "--db", db)
    first = json.loads(run("changes", "--db", db, "--json").stdout)
    assert len(first["stories"]) == 3 and all(s["new_story"] for s in first["stories"])
    record = tmp_path / "late.jsonl"
    record.write_text(json.dumps({"date": "2024-03-01", "source": "Lune Gazette", "text":
                                  "Dock workers in Kessport returned to work as the strike over pay ended, union "
                                  "secretary Jonas Feldt said. Ships left Kessport for the first time in weeks."}) + "\n")
    tracked = run("track", str(record), "--db", db)
    assert tracked.exit_code == 0 and tracked.stdout.startswith("## Story") and "+ " in tracked.stdout
    assert "Nothing new" in run("track", str(record), "--db", db).stdout
    assert "Nothing new" in run("changes", "--db", db).stdout
    assert len(json.loads(run("changes", "--db", db, "--json", "--since", "2000-01-01").stdout)["stories"]) == 3
    assert run("changes", "--db", db, "--since", "soon").exit_code == 2
    assert run("changes", "99", "--db", db).exit_code == 1
    story = json.loads(run("stories", "--db", db, "--json", "--sort", "size").stdout)[0]["id"]
    assert run("claims", str(story), "--db", db).exit_code == 0
    assert isinstance(json.loads(run("claims", str(story), "--db", db, "--json").stdout), dict)


def test_eval_changes_scores_labelled_pairs_of_figures(tmp_path, new_db):
    topic = tmp_path / "flood"
    topic.mkdir()
    texts = [("2024-04-01", "The death toll in Varrow rose to 120, officials said."),
             ("2024-04-03", "The death toll in Varrow has risen to 340, the mayor said."),
             ("2024-04-03", "A wall in Orlen fell on Tuesday, killing 9 people.")]
    write = [{"id": f"f{n}", "date": day, "source": "Lune Gazette", "text": text} for n, (day, text) in enumerate(texts)]
    (topic / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in write))
    with open_store(new_db("ids")) as store:
        from storyline.ingest import ingest
        from storyline.readers import read_paths

        ingest(store, read_paths([str(topic / "articles.jsonl")]), workers=1)
        ids = [store.article(f"f{n}").id for n in range(3)]

    def side(n, value):
        return {"article": ids[n], "sentence": 0, "attribute": "dead", "value": value}

    pairs = [{"topic": "flood", "label": "updated", "a": side(0, 120), "b": side(1, 340)},
             {"topic": "flood", "label": "unrelated", "a": side(1, 340), "b": side(2, 9)}]
    labels = tmp_path / "pairs.jsonl"
    labels.write_text("".join(json.dumps(p) + "\n" for p in pairs))
    result = json.loads(run("eval", "changes", str(labels), str(tmp_path), "--json").stdout)
    assert result["pairs"] == 2 and result["missing"] == 0 and result["accuracy"] == 1.0
    assert result["labels"]["updated"] == {"gold": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert run("eval", "changes", str(tmp_path / "none.jsonl"), str(tmp_path)).exit_code == 1


def test_help_explains_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "articles", "stories", "show", "timeline", "track", "entities", "serve", "eval"):
        assert command in result.stdout


COMMANDS = [("ingest",), ("articles",), ("article",), ("stories",), ("show",), ("timeline",), ("track",),
            ("entities",), ("serve",), ("recluster",), ("config",), ("export",), ("changes",), ("claims",), ("watch",), ("eval",), ("eval", "stories"), ("eval", "entities"), ("eval", "changes"),
            ("eval", "timelines"), ("eval", "tracking")]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_help_keeps_its_defaults_and_prints_plain_text(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert not re.search(r"\w \.$", result.stdout, re.MULTILINE), "a lost '[default: ...]' leaves 'to use .'"
    assert "<bool>" not in result.stdout and not re.search(r"[\U0001F300-\U0001FAFF]", result.stdout)
    if "--db" in result.stdout:
        assert "[default: ./storyline.db]" in result.stdout


def test_messages_print_file_names_and_line_numbers_as_written(tmp_path, db):
    path = tmp_path / "lines.jsonl"
    path.write_text("".join('{"date": "2024-02-01", "text": "The Bexmoor choir sang for the %d time."}\n' % n
                            for n in range(99)) + '{"date": "2024-02-01", "text": ""}\n')
    result = run("ingest", str(path), "--db", db, "--json")
    assert result.exit_code == 3 and "lines.jsonl:100:" in result.stderr and "\U0001F4AF" not in result.stderr
    report = json.loads(result.stdout)
    assert report["stored"] == 99 and report["skipped"] == [{"where": f"{path}:100", "problem": report["skipped"][0]["problem"]}]


@needs_shared("seeds")
def test_seeds_track_stores_three_one_story_and_is_idempotent(db):
    result = run("track", str(SHARED / "seeds"), "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 new article(s) stored" in result.stderr
    assert result.stdout.count("## Story") == 1
    again = run("track", str(SHARED / "seeds"), "--db", db)
    assert again.exit_code == 0 and "0 new article(s) stored" in again.stderr and "3 already stored" in again.stderr


def test_eval_stories_prints_json_scores(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"text": "The Orlen library reopened after repairs to its roof.", "story": "lib"}) + "\n"
        + json.dumps({"text": "Readers return to the repaired Orlen library.", "story": "lib"}) + "\n"
    )
    result = run("eval", "stories", str(path), str(path), "--shuffle", "1..3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [first, second] = data["sets"]
    assert first["gold_stories"] == 1 and first["articles"] == 2 and first["orders"] == [1, 2, 3]
    assert len(first["per_run"]) == 3 and 0 < first["story"]["f1"] <= 1 and data["mean"]["runs"] == 6
    text = run("eval", "stories", str(path))
    assert text.exit_code == 0 and "events " in text.stdout and "stories " in text.stdout
    assert run("eval", "stories", str(path), "--label", "topic").exit_code == 1
    assert run("eval", "stories", str(path), "--shuffle", "x").exit_code == 2
    assert run("eval", "stories", str(path), "--fold", "3/2").exit_code == 2


def test_eval_runs_with_the_settings_file_and_says_so(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": text, "story": "lib"}) + "\n" for text in (
        "The Orlen library reopened after repairs to its roof on Monday.",
        "The Orlen library reopened on Monday after builders repaired its leaking roof.")))
    strict = tmp_path / "strict.toml"
    strict.write_text("[stories]\nthreshold = 0.99\nlink_threshold = 0.99\n")
    default = json.loads(run("eval", "stories", str(path), "--json").stdout)
    result = run("--config", str(strict), "eval", "stories", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert f"settings: {strict}" in result.stderr
    assert default["sets"][0]["event"]["alone"] == 0
    assert json.loads(result.stdout)["sets"][0]["event"]["alone"] == 1, "no article reaches the other at 0.99"


def _timeline17_layout(root):
    topic = root / "orlen-floods"
    (topic / "timelines").mkdir(parents=True)
    articles = [
        {"id": "1", "date": "2024-04-02", "source": "Lune Gazette",
         "text": "The Lune burst its banks in Orlen on Monday .\nHundreds of homes in Orlen were flooded ."},
        {"id": "2", "date": "2024-04-03", "source": "Orlen Courier",
         "text": "Orlen began pumping water from flooded homes .\nThe Lune flood in Orlen on April 1 was the worst in decades ."},
        {"id": "3", "date": "2024-04-06", "source": "Lune Gazette",
         "text": "Orlen council promised money to rebuild flooded homes .\nThe aid for Orlen was agreed on Friday ."},
    ]
    (topic / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    gold = [["2024-04-01", ["The Lune floods Orlen ."]], ["2024-04-05", ["Orlen council agrees flood aid ."]]]
    (topic / "timelines" / "gazette.json").write_text(json.dumps(gold))
    return root


def test_eval_timelines_prints_the_keys_the_issue_names(tmp_path):
    result = run("eval", "timelines", str(_timeline17_layout(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    keys = {"concat_rouge1_f1", "concat_rouge2_f1", "align_m1_rouge1_f1", "align_m1_rouge2_f1", "date_f1"}
    assert keys <= data["mean"].keys()
    [timeline] = data["timelines"]
    assert keys <= timeline.keys() and timeline["topic"] == "orlen-floods" and timeline["dates"] == 2
    assert data["mean"]["date_f1"] > 0, "April 1 is named in the articles"
    table = run("eval", "timelines", str(tmp_path))
    assert table.exit_code == 0 and "mean" in table.stdout and "1 timelines in" in table.stdout


def test_eval_timelines_explains_a_wrong_folder(tmp_path):
    result = run("eval", "timelines", str(tmp_path))
    assert result.exit_code == 1 and "no topic folders" in result.stderr


@pytest.mark.slow
@needs_shared("datasets", "t17", "MJ")
def test_eval_timelines_on_one_timeline17_topic(tmp_path):
    from storyline.evaluation.timelines import evaluate_topic

    [score] = evaluate_topic(SHARED / "datasets" / "t17" / "MJ")
    assert score.dates > 10 and score.scores["date"].f1 > 0.2 and score.scores["align_m1_rouge1"].f1 > 0.05


@needs_shared("seeds")
def test_seeds_timeline_tells_the_story_without_the_thor_promo(db):
    assert run("track", str(SHARED / "seeds"), "--db", db).exit_code == 0
    result = run("timeline", "1", "--db", db, "--format", "json")
    entries = json.loads(result.stdout)["entries"]
    assert {"2020-05", "2020-07", "2022-07"} <= {e["date"][:7] for e in entries}
    assert any("deal is closed" in e["text"] and e["date"].startswith("2020-05") for e in entries)
    assert any(e["date"] == "2020-06-22" and e["precision"] == "week" for e in entries), "writing began 3 weeks ago"
    assert not any("Thor" in e["text"] or "Natalie Portman" in e["text"] for e in entries)
    assert any("Filming" in e["text"] and "wrapped" in e["text"] for e in entries if e["date"].startswith("2022-07"))
    assert not any("David Harbour" in e["text"] for e in entries), "no cast list"
    assert not any("Directed by" in e["text"] for e in entries), "no background from 'About the film'"
    assert all(e["provenance"]["article"] and e["provenance"]["sentence"] >= 0 for e in entries)


def test_entities_lists_names_types_aliases_and_dates(tmp_path, db):
    rows = [
        {"id": "m1", "date": "2024-05-02", "source": "Lune Gazette", "title": "Rovers win",
         "text": "Coach Mira Okafor led the Lune Rovers to the league title in Varnholm on Saturday. "
                 "Okafor said the Lune Rovers had earned the title in Varnholm."},
        {"id": "m2", "date": "2024-05-04", "source": "Varnholm Post", "title": "Parade",
         "text": "Fans of the Lune Rovers filled Varnholm for the title parade. Coach Mira Okafor "
                 "thanked the fans, and Okafor lifted the league cup."},
    ]
    path = tmp_path / "rovers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert run("ingest", str(path), "--db", db).exit_code == 0
    result = run("entities", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    entities = {e["name"]: e for e in json.loads(result.stdout)}
    okafor = entities["Mira Okafor"]
    assert {"name", "type", "aliases", "mentions", "first", "last"} <= okafor.keys()
    assert okafor["type"] == "person" and okafor["aliases"] == ["Okafor"] and okafor["mentions"] == 4
    assert (okafor["first"], okafor["last"]) == ("2024-05-02", "2024-05-04")
    assert okafor["links"][0]["evidence"] and 0 < okafor["links"][0]["confidence"] <= 1
    assert entities["Varnholm"]["type"] == "place"
    table = run("entities", "1", "--db", db, "--limit", "2")
    assert table.exit_code == 0 and "Mira Okafor" in table.stdout and "2 of" in table.stdout
    assert run("entities", "99", "--db", db).exit_code == 1
    assert run("entities", "--db", db, "--spacy", "xx_no_such_pipeline").exit_code == 2


def test_eval_entities_prints_json_scores(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"text": "Coach Mira Okafor led the Lune Rovers to the title.", "story": "title"}) + "\n"
        + json.dumps({"text": "Okafor and the Lune Rovers lifted the cup.", "story": "title"}) + "\n"
    )
    result = run("eval", "entities", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert {"map", "r_precision", "coverage", "entities", "articles"} <= json.loads(result.stdout).keys()
    assert run("eval", "entities", str(path), "--scope", "galaxy").exit_code == 2


@needs_shared("seeds")
def test_seeds_entities_extraction_is_rescue_and_russo_is_joe_russo(db):
    assert run("track", str(SHARED / "seeds"), "--db", db).exit_code == 0
    entities = {e["name"]: e for e in json.loads(run("entities", "1", "--db", db, "--json", "--limit", "0").stdout)}
    extraction = entities["Extraction"]
    assert extraction["type"] == "work" and "Rescue" in extraction["aliases"] and "Rescue" not in entities
    (link,) = [link for link in extraction["links"] if link["alias"] == "Rescue"]
    for companion in ("Chris Hemsworth", "Sam Hargrave", "Tyler Rake"):
        assert companion in link["evidence"]
    assert "Rescue 2" in entities["Extraction 2"]["aliases"]
    assert "Russo" in entities["Joe Russo"]["aliases"] and "Russo" not in entities["Anthony Russo"]["aliases"]
    expected = {"Chris Hemsworth": "person", "Sam Hargrave": "person", "Netflix": "organisation",
                "Tyler Rake": "person", "Dhaka": "place"}
    assert {name: entities[name]["type"] for name in expected} == expected
    assert not any("Love and Thunder" in name or name == "Natalie Portman" for name in entities), "off-topic promo"


def test_serve_binds_to_loopback_by_default_and_warns_otherwise(monkeypatch, tmp_path, db):
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from storyline.cli import serve

    calls, warmed, served = [], [], []
    # Ports 8000 and 9000 may be taken here: nothing is bound, nothing served.
    monkeypatch.setattr(serve, "_listen", lambda host, port: calls.append((host, port)) or contextlib.nullcontext())
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: served.append(self.config.workers))
    monkeypatch.setattr(Multiprocess, "run", lambda self: served.append(self.processes_num))

    class Context:
        def Process(self, target, args, daemon, kwargs=None):
            warmed.append((target.__name__, args))
            return type("Started", (), {"start": lambda self: None})()

    monkeypatch.setattr(serve.multiprocessing, "get_context", lambda method: Context())
    assert run("serve", "--db", db).exit_code == 0
    assert calls == [("127.0.0.1", 8000)] and [(name, args[0]) for name, args in warmed] == [("_warm", db)]
    loud = run("serve", "--db", db, "--host", "0.0.0.0", "--port", "9000")
    assert loud.exit_code == 0 and calls[-1] == ("0.0.0.0", 9000) and "anyone who can reach it" in loud.stderr
    sources = tmp_path / "feeds.txt"
    sources.write_text("https://feeds.example/news.rss\n")
    warmed.clear()
    watching = run("serve", "--db", db, "--watch", str(sources), "--every", "30m")
    assert watching.exit_code == 0 and "Watching 1 source(s) every 30m" in watching.stderr
    [(name, args)] = [w for w in warmed if w[0] == "watch_loop"]
    assert args[1:3] == (["https://feeds.example/news.rss"], 1800.0)
    assert run("serve", "--db", db, "--watch", str(sources), "--every", "never").exit_code == 2
    assert run("serve", "--db", db, "--workers", "2").exit_code == 0 and served == [1, 1, 1, 2]


def test_eval_tracking_names_each_topic_and_refuses_a_folder_without_topics(tmp_path):
    topic = tmp_path / "bridge"
    (topic / "timelines").mkdir(parents=True)
    (topic / "articles.jsonl").write_text(json.dumps(
        {"date": "2024-03-04", "text": "The Harlan Street Bridge in Varrow closed after engineers found cracks."}) + "\n")
    (topic / "timelines" / "gold.json").write_text('[["2024-03-04", ["The bridge closed."]]]')
    result = run("eval", "tracking", str(tmp_path), "--no-timelines")
    assert result.exit_code == 0, result.output
    assert "bridge" in result.stdout and "all topics: P 1.000" in result.stdout
    assert run("eval", "tracking", str(tmp_path / "bridge" / "timelines")).exit_code == 1


def test_a_store_locked_past_the_wait_is_one_line_not_a_traceback(monkeypatch, capsys):
    import sqlite3

    from storyline import cli

    def locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cli, "app", locked)
    with pytest.raises(SystemExit) as exit_info:
        cli.main_entry()
    assert exit_info.value.code == 1 and "the store is busy" in capsys.readouterr().err
