"""The Dask engine: the per-article work on a local cluster of two workers gives what one process gives."""

import pytest
from conftest import DEMO, fictional_records, write_jsonl

from storyline.engine import EngineError, dask_executor, executor_for
from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import (
    cached_story_entities,
    refresh_stories,
    story_timeline,
    warm_on,
)


def _tracked(address: str, paths: list[str], executor=None) -> tuple[list, list, list]:
    with open_store(address) as store:
        ingest(store, read_paths(paths), workers=1, executor=executor, batch_size=100)
        stories = refresh_stories(store)
        articles = [(a.id, a.text, a.language, a.metadata) for a in store.articles()]
        signatures = [(i, m.tobytes(), h, u, d) for i, m, h, u, d in store.signatures()]
        timelines = [[(e.date, e.article_id, e.sentence_index) for e in story_timeline(store, s)] for s in stories]
        return articles + signatures, [sorted(s.article_ids) for s in stories], timelines


@pytest.mark.slow
def test_two_dask_workers_give_the_stories_and_timelines_of_one_process(tmp_path, new_db):
    corpus = [str(DEMO), str(write_jsonl(tmp_path / "more.jsonl", fictional_records(160)))]
    alone = _tracked(new_db("alone"), corpus)
    with dask_executor(workers=2) as executor:
        assert len(executor._client.scheduler_info()["workers"]) == 2
        spread = _tracked(new_db("dask"), corpus, executor)
    assert spread == alone


@pytest.mark.slow
def test_timelines_and_entities_made_on_dask_workers_are_those_made_here(tmp_path, new_db):
    corpus = [str(DEMO), str(write_jsonl(tmp_path / "more.jsonl", fictional_records(60)))]
    here, there = new_db("here"), new_db("there")
    for address in (here, there):
        with open_store(address) as store:
            ingest(store, read_paths(corpus), workers=1)
            refresh_stories(store)
    with open_store(there) as store, dask_executor(workers=2) as executor:
        stories = store.stories()
        warmed = []
        warm_on(executor, there, stories, progress=warmed.append, chunk=2)
        assert warmed[-1] == len(stories)
        assert all(store.cached(story.id, "timeline") and store.cached(story.id, "entities") for story in stories)
        made_there = [(story_timeline(store, s), cached_story_entities(store, s)) for s in stories]
    with open_store(here) as store:
        assert [(story_timeline(store, s), cached_story_entities(store, s)) for s in store.stories()] == made_there


def test_an_unknown_engine_or_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(EngineError, match="unknown engine 'spark'"), executor_for("spark"):
        pass
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler"), \
            executor_for("dask", "tcp://127.0.0.1:1"):
        pass


def test_the_command_line_names_a_bad_engine_and_ingests_on_dask(tmp_path, new_db):
    from typer.testing import CliRunner

    from storyline.cli import app

    db = new_db("cli")
    wrong = CliRunner().invoke(app, ["ingest", str(DEMO), "--db", db, "--engine", "spark"])
    assert wrong.exit_code == 2 and "unknown engine 'spark'" in wrong.stderr
    done = CliRunner().invoke(app, ["track", str(DEMO), "--db", db, "--engine", "dask", "--json"])
    assert done.exit_code == 0, done.output
    with open_store(db) as store:
        assert store.count_articles() == 12 and len(store.stories()) >= 3
