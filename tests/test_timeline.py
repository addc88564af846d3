from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from storyline.model import Article
from storyline.sentences import split_sentences
from storyline.timeline import (
    DEFAULTS,
    LEAST_COVERAGE,
    build_timeline,
    choose_days,
    collect,
    coverage,
    default_dates,
    fill,
    importance,
    score,
)


def _a(key: str, day: date, text: str, source: str = "Lune Gazette") -> Article:
    return Article(raw_text=text, text=text, id=key, published=day, source=source, url=f"https://lune.example/{key}")


def _sentences(article: Article):
    return split_sentences(article.id, article.text)


STORY = [
    _a("a", date(2024, 3, 4), "Varrow council closed the Harlan Street Bridge on Sunday after engineers found cracks.\n"
       "Ferries across the Lune will run every hour while the Harlan Street Bridge stays shut."),
    _a("b", date(2024, 3, 8), "Engineers told Varrow council the cracks in the Harlan Street Bridge piers are deep.\n"
       "The bridge was closed on March 3 when a pier moved during the storm over the Lune."),
    _a("c", date(2024, 3, 20), "Varrow council voted on Tuesday to replace the Harlan Street Bridge over the Lune.\n"
       "Since the Harlan Street Bridge closed on March 3, ferries have carried commuters across the Lune."),
]


def test_the_most_referred_date_comes_first_and_entries_cite_their_sentence():
    [entry] = build_timeline(STORY, _sentences, replace(DEFAULTS, dates=1, sentences_per_date=1))
    assert entry.date == date(2024, 3, 3), "named by three sentences in three articles"
    sentence = _sentences(next(a for a in STORY if a.id == entry.article_id))[entry.sentence_index]
    assert sentence.text == entry.text
    assert (entry.source, entry.url) == ("Lune Gazette", f"https://lune.example/{entry.article_id}")


def test_a_date_the_story_keeps_coming_back_to_outranks_a_busier_day():
    busy = [_a(f"m{n}", date(2024, 5, 6), f"Varrow council members met {n + 2} hours over the Harlan Street Bridge "
               "budget.\nThe Harlan Street Bridge budget meeting ended without a vote by the council.")
            for n in range(4)]
    closed = _a("c", date(2024, 5, 13), "Varrow council closed the Harlan Street Bridge after engineers found cracks "
                "in its piers.\nFerries across the Lune will carry commuters while the bridge stays shut.")
    later = [_a("l1", date(2024, 5, 20), "The Harlan Street Bridge has stayed shut since May 13, when engineers found "
                "cracks in its piers."),
             _a("l2", date(2024, 5, 27), "Ferries have crossed the Lune since May 13, when Varrow council closed the "
                "Harlan Street Bridge.")]
    one = replace(DEFAULTS, dates=1, sentences_per_date=1)
    [entry] = build_timeline([*busy, closed, *later], _sentences, one)
    assert entry.date == date(2024, 5, 13), "named again a week and two weeks on"
    [entry] = build_timeline([*busy, closed, *later], _sentences, replace(one, recalled=0.0))
    assert entry.date == date(2024, 5, 6), "counting articles alone, the busy day wins"


def test_a_month_with_its_share_of_the_story_gets_a_date_when_the_story_chooses_how_many():
    published = {date(2024, 5, day): 3 for day in range(1, 26)} | {date(2024, 7, 2): 1, date(2024, 7, 9): 1}
    naming = {day: Counter() for day in published}
    ranked, wanted = choose_days(published, naming, set(published), DEFAULTS, None)
    may = default_dates(list(published), DEFAULTS)
    assert sorted(ranked[:wanted]) == sorted(ranked[:may]) + [date(2024, 7, 9)], "2 of 77 articles: July's best day"
    ranked, wanted = choose_days(published, naming, set(published), replace(DEFAULTS, dates=10), None)
    assert all(day.month == 5 for day in ranked[:wanted]), "a number of dates asked for is kept"


def test_a_milestone_where_coverage_thins_outranks_an_ordinary_day_of_a_busy_month():
    busy = {date(2024, 3, day): 8 for day in range(1, 32)}
    quiet = {date(2024, 9, day): 1 for day in (2, 16, 23, 30)} | {date(2024, 9, 10): 4}
    published = busy | quiet
    naming = {day: Counter() for day in published}
    one = replace(DEFAULTS, dates=1)
    ranked, _ = choose_days(published, naming, set(published), one, None)
    assert ranked[0] == date(2024, 9, 10), "four reports where a fortnight has three"
    ranked, _ = choose_days(published, naming, set(published), replace(one, lull=0.0), None)
    assert ranked[0].month == 3, "counting articles alone, any day of March wins"


def test_coverage_is_against_the_story_mean_and_never_below_a_floor():
    published = {date(2024, 3, day): 2 for day in range(1, 11)} | {date(2024, 3, 30): 2}
    dense = coverage(published, [date(2024, 3, 5), date(2024, 3, 20)], 2)
    mean = 22 / 30
    assert dense[date(2024, 3, 5)] == 2 / mean
    assert dense[date(2024, 3, 20)] == LEAST_COVERAGE, "no article within two days"


def test_history_the_story_mentions_on_many_days_is_not_recalled_as_its_own():
    days = [date(2024, 5, 13), date(2024, 5, 20), date(2024, 5, 27)]
    flood, closed = date(2019, 3, 3), date(2024, 5, 10)
    weights = importance(dict.fromkeys(days, 1), {flood: dict.fromkeys(days, 1), closed: dict.fromkeys(days, 1)},
                         DEFAULTS)
    assert weights[closed] == 3 + 2 * DEFAULTS.recalled, "three days name it: two further days recall it"
    assert weights[flood] == 3, "five years before the story began: named, not recalled"


def test_entries_come_in_date_order_without_repeating_a_sentence():
    entries = build_timeline(STORY, _sentences)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert len({e.text for e in entries}) == len(entries)
    assert date(2024, 3, 19) in {e.date for e in entries}, "the vote 'on Tuesday' before a Wednesday article"


def test_relative_dates_keep_their_precision():
    article = _a("w", date(2020, 7, 13), "Ada Quist began writing the sequel to Harbour Lights three weeks ago.\n"
                 "Ada Quist said the sequel to Harbour Lights may become a prequel instead.")
    entries = build_timeline([article], _sentences)
    assert (date(2020, 6, 22), "week") in {(e.date, e.precision) for e in entries}


def test_an_off_topic_segment_never_becomes_an_entry():
    promo = _a("p", date(2024, 3, 21), "Varrow council chose a design for the new Harlan Street Bridge over the Lune.\n"
               "Coming up at the Orlen Playhouse\n"
               "On March 29 in Varrow, Mira Tallis stars in Moonlit Harbour by the Lune, directed by Osric Penn.\n"
               "Tickets for Moonlit Harbour at the Orlen Playhouse in Varrow cost 20 crowns, Mira Tallis said.")
    entries = build_timeline([*STORY, promo], _sentences)
    assert all("Moonlit" not in e.text for e in entries)
    assert date(2024, 3, 29) not in {e.date for e in entries}


def test_the_sentence_most_central_to_its_day_is_chosen():
    day = date(2024, 5, 2)
    articles = [
        _a("x", day, "Kessport dock workers began a strike over pay on Thursday morning.\n"
           "A Kessport harbour cat was seen sleeping on a warm bollard near the gates."),
        _a("y", day, "The strike by Kessport dock workers over pay halted every ship on Thursday."),
        _a("z", day, "Dock workers in Kessport went on strike over pay, the union said on Thursday."),
    ]
    [entry] = build_timeline(articles, _sentences, replace(DEFAULTS, dates=1, sentences_per_date=1))
    assert "cat" not in entry.text and "strike" in entry.text


def test_a_day_keeps_the_lead_it_cannot_do_without():
    """A lead stands for its publication day and the day before: when both are dates, the earlier must not take
    the later's only sentence."""
    story = [
        _a("t", date(2024, 4, 9), "Kessport dock workers voted for a strike at the union hall on the quay."),
        _a("w", date(2024, 4, 10), "Every ship in Kessport harbour stayed moored as the dock strike began."),
        _a("e", date(2024, 4, 20), "The Kessport dock strike ended after a union hall vote, and every ship sailed."),
    ]
    pool = collect(story, {a.id: _sentences(a) for a in story}, DEFAULTS)
    days = [date(2024, 4, 9), date(2024, 4, 10)]
    entries = fill(days, [], pool, score(pool, story, None), [], DEFAULTS)
    assert [(e.date, e.article_id) for e in entries] == [(days[0], "t"), (days[1], "w")]


def test_a_claim_the_story_keeps_telling_does_not_stand_for_a_later_day():
    """Every report of a trial repeats the charge and the plea; on the day a witness speaks, the plea is the most
    central lead of the day's articles, but it is what the story told a week before, not that day's news."""
    denial = "The harbour master , Edwin Mabry , denies fraud over the Kessport dredging contracts ."
    story = [
        _a("c", date(2024, 6, 3), "Prosecutors charged the Kessport harbour master Edwin Mabry with fraud over the "
           "dredging contracts.\n" + denial),
        _a("o", date(2024, 6, 5), "The fraud trial of the Kessport harbour master opened with the reading of the "
           "dredging contracts.\n" + denial),
        _a("d1", date(2024, 6, 12), "A diver told the fraud trial the Kessport channel in the dredging contracts was "
           "never dug.\n" + denial),
        _a("d2", date(2024, 6, 12), "A port clerk told the fraud trial the Kessport harbour master signed the invoices "
           "twice.\nEdwin Mabry , 61 , denies fraud over the Kessport dredging contracts ."),
        _a("d3", date(2024, 6, 12), "An engineer told the fraud trial the Kessport channel depth matched the old "
           "charts.\n" + denial),
    ]
    pool = collect(story, {a.id: _sentences(a) for a in story}, DEFAULTS)
    one = replace(DEFAULTS, sentences_per_date=1)
    [entry] = fill([date(2024, 6, 12)], [], pool, score(pool, story, None), [], one)
    assert entry.article_id == "d1" and "diver" in entry.text
    [entry] = fill([date(2024, 6, 12)], [], pool, score(pool, story, None), [], replace(one, retold=None))
    assert "denies fraud" in entry.text, "without the rule, the plea told again wins the day"
    [entry] = fill([date(2024, 6, 3)], [], pool, score(pool, story, None), [], one)
    assert entry.article_id == "c", "the first telling is news"


def test_a_question_is_never_an_entry():
    day = date(2024, 5, 2)
    question = "Will the strike by Kessport dock workers over pay halt every ship on Thursday?"
    articles = [
        _a("q", day, question + "\nKessport dock workers began a strike over their pay on Thursday."),
        _a("r", day, f"A union leader asked the Kessport harbour board: \"{question}\""),
        _a("s", day, "The Kessport harbour board said every ship on Thursday would sail."),
    ]
    entries = build_timeline(articles, _sentences, replace(DEFAULTS, dates=1, sentences_per_date=2))
    assert entries and all("?" not in e.text for e in entries)


def test_a_milestone_in_the_story_s_last_days_counts_the_recalls_it_had_no_time_for():
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(40)]
    naming = {day: {day: 1} for day in days}
    early, late = days[4], days[37]
    naming[early] = {day: 1 for day in days[5:8]}
    naming[late] = {day: 2 for day in days[38:40]}
    weights = importance(dict.fromkeys(days, 1), naming, DEFAULTS)
    assert weights[late] > weights[early], "named on both days left after it"
    weights = importance(dict.fromkeys(days, 1), naming, replace(DEFAULTS, recall_boost=1.0))
    assert weights[late] < weights[early]


def test_history_the_story_recalls_is_no_entry_unless_the_span_asks_for_it():
    story = [_a(f"h{n}", date(2024, 6, 3 + n), f"Varrow council reopened ferry route {n + 1} on the Lune after the "
                "Harlan Street Bridge flood of March 3, 2019.\nVarrow council said ferry route "
                f"{n + 1} will carry commuters every hour across the Lune.") for n in range(3)]
    one = replace(DEFAULTS, dates=1, sentences_per_date=1)
    [entry] = build_timeline(story, _sentences, one)
    assert entry.date != date(2019, 3, 3), "named by every article, but five years before the story began"
    [entry] = build_timeline(story, _sentences, one, span=(date(2019, 1, 1), date.max))
    assert entry.date == date(2019, 3, 3), "a span that starts earlier brings history in"


def test_span_limits_dates_and_undated_articles_are_ignored():
    undated = Article(raw_text="x", text="The Harlan Street Bridge closed on March 3, 2024, a reader wrote.", id="u")
    entries = build_timeline([*STORY, undated], _sentences, span=(date(2024, 3, 10), date(2024, 3, 31)))
    assert entries and all(date(2024, 3, 10) <= e.date <= date(2024, 3, 31) for e in entries)
    assert all(e.article_id != "u" for e in entries)


def test_nothing_to_say():
    assert build_timeline([], _sentences) == []


def test_a_quote_from_someone_named_only_he_gives_way_to_a_sentence_that_stands_alone():
    day = date(2024, 5, 6)
    articles = [
        _a("q1", day, "`` Kessport dock workers will stay out on strike until their pay rises , '' he said on "
                      "Monday ."),
        _a("q2", day, "Kessport dock workers voted on Monday to stay out on strike until the harbour board raises "
                      "pay ."),
    ]
    settings = replace(DEFAULTS, dates=1, sentences_per_date=1)
    [entry] = build_timeline(articles, _sentences, settings)
    assert entry.article_id == "q2"
    [entry] = build_timeline(articles, _sentences, replace(settings, leaning=1.0))
    assert entry.article_id == "q1", "the quote is the day's most central sentence when read by its words alone"
