"""The JSON API: every endpoint, paging, and bad input with the right status codes."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from web.conftest import story_with

from storyline.web import create_app


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db))


def test_stories_are_paged_newest_first(client):
    everything = client.get("/api/stories").json()
    assert everything["total"] == len(everything["items"]) >= 3
    first, second = client.get("/api/stories?limit=1").json(), client.get("/api/stories?limit=1&offset=1").json()
    assert first["items"][0]["id"] == everything["items"][0]["id"]
    assert second["items"][0]["id"] == everything["items"][1]["id"]
    assert (first["offset"], first["limit"], first["total"]) == (0, 1, everything["total"])
    lasts = [s["last"] for s in everything["items"]]
    assert lasts == sorted(lasts, reverse=True)


def test_story_search_finds_by_label_or_text(client):
    found = client.get("/api/stories", params={"q": "Kessport strike"}).json()
    assert found["total"] >= 1 and all("articles" in s for s in found["items"])
    assert client.get("/api/stories", params={"q": "zebrafish"}).json()["total"] == 0


def test_story_list_filters_and_sorts(client):
    every = client.get("/api/stories", params={"limit": 200, "min_articles": 1}).json()["items"]
    by_size = client.get("/api/stories", params={"sort": "size", "limit": 200, "min_articles": 1}).json()["items"]
    assert [s["articles"] for s in by_size] == sorted((s["articles"] for s in every), reverse=True)
    big = client.get("/api/stories", params={"min_articles": 2}).json()
    assert big["total"] == sum(s["articles"] >= 2 for s in every) and all(s["articles"] >= 2 for s in big["items"])
    assert client.get("/api/stories", params={"sort": "alphabet"}).status_code == 422
    named = client.get("/api/stories", params={"entity": "Jonas Feldt", "since": "2024-01-01"}).json()
    assert named["total"] >= 1 and all("Kessport" in s["label"] for s in named["items"])
    assert client.get("/api/stories", params={"until": "1990-01-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"language": "xx"}).json()["total"] == 0


def test_story_timeline_and_entities(client, web_db):
    story_id = story_with(web_db, "Harlan Street Bridge")
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["id"] == story_id and story["article_list"] and "copies" in story["article_list"][0]
    events = {event["id"]: event for event in story["event_list"]}
    assert events and story["events"] == len(events)
    assert all(a["id"] in events[a["event"]]["articles"] for a in story["article_list"]), "each article in its event"
    timeline = client.get(f"/api/stories/{story_id}/timeline").json()
    assert timeline["entries"] and all(e["provenance"]["article"] for e in timeline["entries"])
    first_day = min(e["date"] for e in timeline["entries"])
    one = client.get(f"/api/stories/{story_id}/timeline", params={"dates": 1, "until": first_day}).json()
    assert {e["date"] for e in one["entries"]} == {first_day}
    assert client.get(f"/api/stories/{story_id}/timeline", params={"since": "soon"}).status_code == 422
    entities = client.get(f"/api/stories/{story_id}/entities?limit=2").json()
    assert len(entities["items"]) == 2 and entities["total"] >= 2
    assert {"name", "type", "aliases", "mentions", "first", "last"} <= entities["items"][0].keys()


def test_articles_article_and_search(client):
    page = client.get("/api/articles?limit=2&offset=1").json()
    assert len(page["items"]) == 2 and page["total"] >= 13
    following = client.get("/api/articles", params={"limit": 2, "after": page["next"]}).json()
    third = client.get("/api/articles?limit=2&offset=3").json()
    assert [a["id"] for a in following["items"]] == [a["id"] for a in third["items"]], "cursor = offset paging"
    article = client.get(f"/api/articles/{page['items'][0]['id']}").json()
    assert article["text"] and article["sentences"][0]["index"] == 0 and isinstance(article["story"], int)
    found = client.get("/api/search", params={"q": "Harlan Street", "limit": 1}).json()
    assert found["articles"]["total"] >= 2 and len(found["articles"]["items"]) == 1 and found["stories"]["total"] >= 1
    hit = found["articles"]["items"][0]
    assert {hit["snippet"][start:end] for start, end in hit["matches"]} <= {"Harlan", "Street"}


def test_changes_since_the_last_update_or_a_day(client, web_db):
    everything = client.get("/api/changes", params={"since": "2000-01-01"}).json()
    assert everything["updates"] and everything["stories"]
    first = everything["stories"][0]
    assert first["new_story"] and first["added"] and first["added"][0]["provenance"]["article"] in first["new_articles"]
    one = client.get("/api/changes", params={"since": "2000-01-01", "story": first["story"]["id"]}).json()
    assert [s["story"]["id"] for s in one["stories"]] == [first["story"]["id"]]
    assert client.get("/api/changes", params={"since": "soon"}).status_code == 422
    assert client.get("/api/changes", params={"since": "2024-13-45"}).status_code == 422
    assert client.get("/api/changes", params={"story": 999999}).status_code == 404


@pytest.mark.parametrize("url", ["/api/stories/999999", "/api/stories/999999/timeline",
                                 "/api/stories/999999/entities", "/api/articles/no-such-article"])
def test_unknown_ids_are_404_error_objects(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found" and response.json()["error"]["message"]


@pytest.mark.parametrize("url", ["/api/stories?limit=0", "/api/stories?limit=201", "/api/stories?offset=-1",
                                 "/api/stories/abc", "/api/search"])
def test_bad_parameters_are_422_error_objects(client, url):
    response = client.get(url)
    assert response.status_code == 422 and response.json()["error"]["status"] == 422


def test_openapi_schema_lists_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/timeline", "/api/articles",
            "/api/articles/{article_id}", "/api/search", "/api/ingest", "/api/changes"} <= paths.keys()


NDJSON = {"Content-Type": "application/x-ndjson"}


def _row(n: int, **extra) -> str:
    record = {"id": f"orlen-{n}", "date": f"2024-03-0{n}", "source": "Orlen Courier",
              "text": f"The Orlen ferry strike entered day {n} as Captain Ilse Varga met the port board."}
    return json.dumps({**record, **extra})


def test_ingest_stores_good_rows_and_reports_bad_ones(fresh_db):
    client = TestClient(create_app(fresh_db))
    body = "\n".join([_row(1), "{not json", '["a list"]', _row(2), json.dumps({"id": "x", "date": "2024-03-03"})])
    response = client.post("/api/ingest", headers=NDJSON, content=body)
    assert response.status_code == 422
    data = response.json()
    assert data["stored"] == 2 and data["error"]["code"] == "invalid_input"
    assert [p["where"] for p in data["problems"]] == ["line:2", "line:3", "line:5"]
    assert client.get("/api/stories").json()["total"] == 1, "stories are updated before answering"
    again = client.post("/api/ingest", headers=NDJSON, content=_row(1) + "\n" + _row(3))
    assert again.status_code == 200 and again.json()["stored"] == 1 and again.json()["unchanged"] == 1


def test_ingest_refuses_oversized_empty_and_non_utf8_bodies(fresh_db):
    client = TestClient(create_app(fresh_db, max_ingest_bytes=100))
    big = client.post("/api/ingest", headers=NDJSON, content=_row(1) + "\n" + _row(2))
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    assert client.post("/api/ingest", headers=NDJSON, content="  \n").status_code == 400
    assert client.post("/api/ingest", headers=NDJSON, content=b"\xff\xfe{}").status_code == 400
    plain = client.post("/api/ingest", content=_row(1), headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415 and plain.json()["error"]["code"] == "unsupported_type", "no cross-site posts"
    assert client.get("/api/articles").json()["total"] == 0, "nothing stored from refused bodies"


def test_odd_requests_get_error_objects_not_crashes(client):
    huge = str(2**70)
    for url in (f"/api/stories/{huge}", f"/api/stories/{huge}/timeline", f"/stories/{huge}"):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/articles", params={"offset": huge}).status_code == 422
    assert client.get("/api/search", params={"q": "bridge\x00strike"}).status_code == 200
    assert client.get("/api/search", params={"q": " ".join(["bridge"] * 600)}).status_code == 200
    assert client.get("/api/stories", params={"q": "a\x00b " * 300}).status_code == 200


def test_every_answer_carries_security_headers_and_a_server_error_is_an_error_object(fresh_db, monkeypatch):
    from storyline.store import Store

    client = TestClient(create_app(fresh_db), raise_server_exceptions=False)
    page = client.get("/")
    assert page.headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors 'none'" in \
        page.headers["Content-Security-Policy"] and page.headers["Referrer-Policy"] == "no-referrer"
    assert 'href="/static/style.css"' in page.text, "no address built from the Host header"
    monkeypatch.setattr(Store, "count_articles", lambda self: 1 / 0)
    broken = client.get("/api/articles")
    assert broken.status_code == 500 and broken.json()["error"]["code"] == "internal_error"
    local = TestClient(create_app(fresh_db, allowed_hosts=["127.0.0.1"]), base_url="http://attacker.example")
    assert local.get("/").status_code == 400


def test_a_body_that_does_not_arrive_in_time_is_refused(fresh_db):
    client = TestClient(create_app(fresh_db, body_seconds=0))
    slow = client.post("/api/ingest", headers=NDJSON, content=_row(1))
    assert slow.status_code == 408 and slow.json()["error"]["code"] == "timeout"
    assert client.get("/api/articles").json()["total"] == 0


def test_a_running_app_answers_on_a_few_connections_of_its_own(web_db):
    from storyline.web import THREADS

    with TestClient(create_app(web_db)) as running:  # the lifespan runs: the app opens its Stores
        answers = [running.get("/api/stories").status_code for _ in range(20)]
        stores = running.app.state.stores
        assert answers == [200] * 20
        if stores.pool:  # a PostgreSQL server: 20 requests on at most as many connections as threads answering
            assert stores.pool.opened <= THREADS
    assert running.app.state.stores is None
