from datetime import date

import pytest

from storyline.temporal import find_dates, stamp_clock, stamp_day, stamp_days

MONDAY = date(2024, 3, 18)  # a Monday


def one(sentence: str, published: date | None = MONDAY):
    [found] = find_dates(sentence, published)
    return found.value, found.precision


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("The Orlen dam opened on March 3, 2021, after years of delay.", date(2021, 3, 3), "day"),
        ("It reopened on 3 March 2021 to traffic.", date(2021, 3, 3), "day"),
        ("Tokenised text : on Jan. 25 , 2011 crowds gathered .", date(2011, 1, 25), "day"),
        ("The ruling, dated 2023-11-30, was published late.", date(2023, 11, 30), "day"),
        ("The plant closed in November 2019.", date(2019, 11, 1), "month"),
        ("Ada Quist joined the council in 2015.", date(2015, 1, 1), "year"),
        ("The mayor resigned yesterday.", date(2024, 3, 17), "day"),
        ("The vote is today.", date(2024, 3, 18), "day"),
        ("Results are due tomorrow.", date(2024, 3, 19), "day"),
        ("Work began three weeks ago.", date(2024, 2, 26), "week"),
        ("The strike started 10 days ago.", date(2024, 3, 8), "day"),
        ("The firm was sold two years ago.", date(2022, 1, 1), "year"),
        ("Prices rose six months ago.", date(2023, 9, 1), "month"),
        ("Talks collapsed last week.", date(2024, 3, 11), "week"),
        ("The budget passed last month.", date(2024, 2, 1), "month"),
        ("Elections were held last year.", date(2023, 1, 1), "year"),
        ("The bridge reopens next month.", date(2024, 4, 1), "month"),
        ("Police arrested him on Saturday.", date(2024, 3, 16), "day"),
        ("The union will meet on Thursday.", date(2024, 3, 21), "day"),
        ("Workers would return to work on Wednesday, the union said.", date(2024, 3, 20), "day"),
        ("They met last Friday.", date(2024, 3, 15), "day"),
        ("The film was released in April.", date(2023, 4, 1), "month"),
        ("The council will decide in June.", date(2024, 6, 1), "month"),
        ("The festival will open on July 7.", date(2024, 7, 7), "day"),
        ("Ships left port on 12 March.", date(2024, 3, 12), "day"),
    ],
)
def test_each_form_resolves_against_the_publication_date(sentence, value, precision):
    assert one(sentence) == (value, precision)


def test_a_month_and_day_take_the_year_nearest_publication():
    assert one("The ceasefire began on December 30.", date(2024, 1, 4))[0] == date(2023, 12, 30)


def test_verbs_are_not_months():
    assert find_dates("Officials may march on the capital and may decide later.", MONDAY) == []


def test_several_expressions_in_text_order_with_spans():
    sentence = "Announced on Tuesday, the plan takes effect on May 1, 2024."
    found = find_dates(sentence, MONDAY)
    assert [t.text for t in found] == ["on Tuesday", "May 1, 2024"]
    assert [sentence[t.start:t.end] for t in found] == ["on Tuesday", "May 1, 2024"]


def test_without_a_publication_date_only_absolute_dates_resolve():
    found = find_dates("On Friday, three weeks ago, on June 2, 2020, it rained.", None)
    assert [(t.value, t.precision) for t in found] == [(date(2020, 6, 2), "day")]


def test_impossible_dates_are_skipped():
    assert find_dates("It happened on February 30, 2021.", MONDAY) == []


DECEMBER = date(2011, 12, 5)


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        ("Dock workers have been on strike since March 15.", "en", date(2011, 3, 15)),
        ("February 17 - Kessport dock workers walk out over pay.", "en", date(2011, 2, 17)),
        ("Les dockers de Kessport sont en grève depuis le 15 mars.", "fr", date(2011, 3, 15)),
        ("The strike will end on March 15, the union said.", "en", date(2012, 3, 15)),
        ("Talks resume on December 20.", "en", date(2011, 12, 20)),
    ],
)
def test_a_day_and_month_months_ahead_is_the_past_unless_the_clause_says_future(sentence, language, value):
    [found] = find_dates(sentence, DECEMBER, language)
    assert found.value == value


def test_the_future_is_read_in_the_clause_of_the_date_not_the_whole_sentence():
    [found] = find_dates("The mayor will speak later, her office said Tuesday.", MONDAY)
    assert found.value == date(2024, 3, 12)
    [found] = find_dates("The mayor said the council will vote on Tuesday.", MONDAY)
    assert found.value == date(2024, 3, 19)


@pytest.mark.parametrize("name", ["Sunday Times", "Sunday Mirror", "Monday Night Football", "Saturday Night Live"])
def test_a_weekday_inside_a_name_is_no_date(name):
    assert find_dates(f"{name} reporter Ada Quist was injured in Kessport.", MONDAY) == []


@pytest.mark.parametrize("name", ["the March 14 alliance", "the April 6 Youth Movement", "the February 17th Martyrs "
                                  "Brigade", "the January 25 revolution", "the September 11 attacks",
                                  "the July 7 bombings"])
def test_a_day_inside_a_name_is_no_date(name):
    assert [t.text for t in find_dates(f"Leaders of {name} met in Kessport on Sunday.", MONDAY)] == ["on Sunday"]
    assert [t.value for t in find_dates("The alliance was formed on March 14 in Kessport.", MONDAY)] == [
        date(2024, 3, 14)]


@pytest.mark.parametrize("sentence", ["March 14 has accused Kessport of arming the rebels.",
                                      "Its rivals say, March 8 has never won a vote in Orlen."])
def test_a_day_that_does_what_a_group_does_is_a_name(sentence):
    assert find_dates(sentence, MONDAY) == []
    assert [t.value for t in find_dates("Since March 14 has passed, Kessport has accused Orlen.", MONDAY)] == [
        date(2024, 3, 14)], "after a preposition, the day is a date"


def test_a_date_in_a_clause_about_another_time_is_marked_background():
    found = find_dates("The strike ended on Friday, closing a walkout that began on February 8.", MONDAY)
    assert [(t.value, t.background) for t in found] == [(date(2024, 3, 15), False), (date(2024, 2, 8), True)]
    [reported] = find_dates("Officials said that troops entered Kessport on Sunday.", MONDAY)
    assert not reported.background


@pytest.mark.parametrize(
    ("sentence", "news", "other"),
    [
        ("8 October 2023 Dr Vale tells the court that on the night of 25 June he gave the singer a sedative .",
         date(2023, 10, 8), [date(2023, 6, 25)]),
        ("March 12 - The council says two wardens were hurt on March 9 , during a fire at the dock .",
         date(2024, 3, 12), [date(2024, 3, 9)]),
        ("March 11 : The envoy yesterday opened an office in Kessport .", date(2024, 3, 11), [date(2024, 3, 17)]),
        ("* March 4 , 2024 21:58 UTC The mayor said today that the bridge stays shut .", date(2024, 3, 4),
         [MONDAY]),
    ],
)
def test_a_written_date_heading_a_line_dates_it_and_the_others_are_background(sentence, news, other):
    found = find_dates(sentence, MONDAY)
    assert [(t.value, t.background) for t in found] == [(news, False)] + [(d, True) for d in other]


def test_the_heads_of_recap_lines_glued_together_each_date_their_line():
    found = find_dates("23 Dec : Two bombs hit Kessport 6 Jan : A car bomb kills 26 people in the old town .",
                       MONDAY)
    assert [(t.value, t.background) for t in found] == [(date(2023, 12, 23), False), (date(2024, 1, 6), False)]


@pytest.mark.parametrize("sentence", [
    "On Friday , the dam reopened , ten days after it shut on March 5 .",
    "The port reopened on March 15 , a week after the fire of March 8 .",
    "March 15 was the day the dam reopened , after the fire of March 8 .",
])
def test_a_date_that_heads_no_line_leaves_the_others_alone(sentence):
    assert not any(t.background for t in find_dates(sentence, MONDAY))

def test_a_date_before_the_calendar_is_skipped():
    assert find_dates("The dam stood 5000 years ago, and fell on Monday.", MONDAY)[-1].value == MONDAY
    assert len(find_dates("Settlers came 5000 years ago.", MONDAY)) == 0


@pytest.mark.parametrize("sentence, value", [
    ("He sent the plans to Orlen between 16 April and 28 May 2004 .", date(2004, 4, 16)),
    ("The Lune strike ran from December 16 to January 3, 2005 .", date(2004, 12, 16)),
    ("The Orlen fair opened on March 3, 2009 and closed April 5 .", date(2009, 4, 5)),
    ("Nobody has explained what happened in Orlen on April 8 -LRB- 2003 -RRB- .", date(2003, 4, 8)),
    ("Nobody has explained what happened in Orlen on April 8 (2003).", date(2003, 4, 8)),
    ("The Orlen Gazette had reported the leak on 23 May last year .", date(2009, 5, 23)),
    ("The Orlen fair will open on March 3 next year .", date(2011, 3, 3)),
])
def test_a_day_and_month_take_the_year_written_beside_them(sentence, value):
    assert value in [t.value for t in find_dates(sentence, date(2010, 6, 1))]


def test_a_year_only_resolved_from_publication_is_not_borrowed():
    [march, _] = find_dates("On December 30 the Orlen council said yesterday it would close the bridge .",
                            date(2010, 1, 2))
    assert march.value == date(2009, 12, 30)
    [first, second] = find_dates("On March 3 the Orlen council met , and on 5 April 2004 it voted .", date(2010, 6, 1))
    assert first.value == date(2010, 3, 3), "a long clause between them: not a range"


def test_an_update_stamp_names_the_day_of_that_name_nearest_the_page_date():
    thursday = date(2011, 2, 10)
    assert stamp_day("(Update 8:02 a.m. Friday in Cairo)", thursday) == date(2011, 2, 11)
    assert stamp_day("(Update 11:40 p.m. Wednesday)", thursday) == date(2011, 2, 9)
    assert stamp_day("(Actualización 10:05 domingo)", thursday, "es") == date(2011, 2, 13)
    assert stamp_day("(Update 8:03 p.m. in Cairo)", thursday) is None


def test_a_stamp_without_a_day_counts_midnights_from_the_nearest_stamp_with_one():
    thursday = date(2011, 2, 10)
    newest_first = ["(Update 1:10 a.m. in Orlen)", "(Update 11:45 p.m. in Orlen)", "(Update 8:03 p.m. in Orlen)",
                    "(Update 11:02 a.m. Friday in Orlen)", "(Update 3 a.m. in Orlen)"]
    friday, saturday = date(2011, 2, 11), date(2011, 2, 12)
    assert stamp_days(newest_first, thursday) == [saturday, friday, friday, friday, friday]
    oldest_first = ["(Actualización 21:15 miércoles)", "(Actualización 22:40)", "(Actualización 0:20)",
                    "(Actualización 7:05)"]
    assert stamp_days(oldest_first, thursday, "es")[1:] == [date(2011, 2, 9), thursday, thursday]
    assert stamp_days(["(Update 4:18 a.m.)", "(Update 4:12 a.m.)", "(Update 4:15 a.m. Friday)"], thursday) == \
        [friday] * 3, "a clock a few minutes off passes no midnight"
    assert stamp_days(["(Update 11 p.m. ET)", "(Update 2 a.m. ET)"], thursday) == [thursday] * 2, "no day named"


@pytest.mark.parametrize("stamp, minute", [
    ("(Update 4:18 a.m. in Cairo , 9:18 p.m. ET)", 258), ("(Update 12:30 a.m.)", 30), ("(Update 1 p.m. ET)", 780),
    ("(Update 21:05)", 1265), ("(Update 6:09 in Cairo)", None), ("(Update)", None),
])
def test_a_stamp_clock_is_its_first_time_of_day(stamp, minute):
    assert stamp_clock(stamp) == minute
