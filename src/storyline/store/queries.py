"""Story lists as SQL: the filters, orders and pages every list (command line, web, API, Python) shares.

Built here as text and parameters so the store runs one query per page, whatever the store holds,
and so the query can be checked without a database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

SORTS = ("activity", "size", "relevance")
LARGEST = 2**62
"""The largest count or offset a query takes: SQL integers end at 2**63 - 1."""
FOLDED = 2
"""Lists for people (the command line, the web, the API) start at stories of this many articles; one-article
stories are one option away."""
"""Story orders: most recently active first, most articles first, best match for the search words first."""


@dataclass(frozen=True)
class StoryQuery:
    """Which stories a list holds and in what order.

    ``text`` keeps stories whose articles hold every word; ``entity`` those whose articles name it
    (as a phrase); ``since``/``until`` those active in that range; ``source`` and ``language`` those
    with an article from that outlet (copies included) or in that language. ``sort`` defaults to
    relevance when there is text to match and to activity otherwise.
    """

    text: str = ""
    entity: str = ""
    min_articles: int = 1
    since: date | None = None
    until: date | None = None
    source: str = ""
    language: str = ""
    sort: str = ""
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort and self.sort not in SORTS:
            raise ValueError(f"unknown order {self.sort!r}; choose {', '.join(SORTS)}")
        if self.min_articles < 1 or self.offset < 0 or (self.limit is not None and self.limit < 0):
            raise ValueError("min_articles must be at least 1, limit and offset not negative")
        if max(self.min_articles, self.offset, self.limit or 0) > LARGEST:
            raise ValueError(f"min_articles, limit and offset must be at most {LARGEST}")

    @property
    def order(self) -> str:
        """The order used: relevance needs words (search or entity) to rank by, else it is size."""
        searched = bool(self.text.split() or self.entity.split())
        if self.sort == "relevance" and not searched:
            return "size"
        return self.sort or ("relevance" if searched else "activity")


@dataclass(frozen=True)
class TextSearch:
    """How one store's SQL finds articles by their words.

    ``found`` selects the rowid (``hit``) and score (lower is better) of the articles matching its one parameter,
    ``found_phrase`` of those holding the words in a row; ``words(text, phrase)`` makes that parameter of
    search-box text.
    """

    found: str
    found_phrase: str
    words: Callable[[str, bool], str]


ORDER_BY = {
    "activity": "m.last IS NULL, m.last DESC, m.n DESC, m.id",
    "size": "m.n DESC, m.last IS NULL, m.last DESC, m.id",
    "relevance": "{score} DESC, m.n DESC, m.id",
}

_MEMBERS = (
    "SELECT sa.story_id AS id, COUNT(*) AS n, MIN(a.published) AS first, MAX(a.published) AS last "
    "FROM story_articles sa JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id"
)
_MATCHES = (
    "SELECT sa.story_id AS id, SUM(-f.score) AS score FROM {name}_found f JOIN articles x ON x.rowid = f.hit "
    "JOIN story_articles sa ON sa.article_id = COALESCE(x.dup_of, x.id) "
    "GROUP BY sa.story_id"
)
"""Stories whose articles (or their syndicated copies) match, scored by the sum of their articles' BM25."""


def story_list_sql(query: StoryQuery, search: TextSearch, *, count: bool = False, folded: bool = False
                   ) -> tuple[str, list[object]]:
    """The SQL listing the stories ``query`` asks for (id, articles, first and last day), or counting them;
    ``folded`` counts instead those its other filters keep that are smaller than ``min_articles``."""
    ctes, params = [f"members AS ({_MEMBERS})"], []
    joins, where, scores = "", ["m.n < ?" if folded else "m.n >= ?"], []
    for name, words, found in (("searched", search.words(query.text, False), search.found),
                               ("named", search.words(query.entity, True), search.found_phrase)):
        if words:
            # Materialised: FTS5 ranks only in a query of its own, and PostgreSQL then scores each article once.
            ctes += [f"{name}_found AS MATERIALIZED ({found})", f"{name} AS ({_MATCHES.format(name=name)})"]
            params.append(words)
            joins += f" JOIN {name} ON {name}.id = m.id"
            scores.append(f"{name}.score")
    where_params: list[object] = [query.min_articles]
    if query.since:
        where.append("m.last >= ?")
        where_params.append(query.since.isoformat())
    if query.until:
        where.append("m.first <= ?")
        where_params.append(query.until.isoformat())
    if query.source.strip():
        where.append("m.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles x "
                     "ON x.id = sa.article_id OR x.dup_of = sa.article_id WHERE LOWER(x.source) = LOWER(?))")
        where_params.append(query.source.strip())
    if query.language.strip():
        where.append("m.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles x ON x.id = sa.article_id "
                     "WHERE x.language = ?)")
        where_params.append(query.language.strip().lower())
    sql = f"WITH {', '.join(ctes)} SELECT "
    sql += "COUNT(*)" if count else "m.id, m.n, m.first, m.last"
    sql += f" FROM members m{joins} WHERE {' AND '.join(where)}"
    params += where_params
    if not count:
        order = ORDER_BY[query.order].format(score=" + ".join(scores))
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        params += [NO_LIMIT if query.limit is None else query.limit, query.offset]
    return sql, params


NO_LIMIT = 2**63 - 1
"""A LIMIT that every SQL database reads as none."""
MAX_WORDS = 32
"""A search uses its first words only: more say nothing new and make the full-text query slow or too deep."""


def fts_query(text: str, *, phrase: bool = False) -> str:
    """Search-box words as an FTS5 query matching all of them (or them in a row), whatever punctuation they hold."""
    words = [word.replace('"', '""') for word in text.replace("\x00", " ").split()][:MAX_WORDS]
    if phrase and words:
        return '"' + " ".join(words) + '"'
    return " ".join(f'"{word}"' for word in words)
