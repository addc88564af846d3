import pytest

from storyline.sentences import split_sentences, split_spans


def test_spans_point_into_the_text_and_skip_abbreviations():
    text = 'Mr. Quist met Dr. Lind in the U.S. on Monday. "It went well," he said! Then?\n\nA new line without stop'
    sentences = split_sentences("a1", text)
    assert [s.text for s in sentences] == [
        "Mr. Quist met Dr. Lind in the U.S. on Monday.",
        '"It went well," he said!',
        "Then?",
        "A new line without stop",
    ]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_military_ranks_do_not_split():
    text = "Adm. Ada Quist and Brig. Gen. Ben Odell met Maj. Cora Lind in Kessport. Cmdr. Eli Varga did not."
    assert len(split_spans(text)) == 2


def test_initials_and_numbers_do_not_split():
    assert len(split_spans("J. R. Tolkin wrote 3.5 books. They sold well.")) == 2


def test_empty_text_has_no_sentences():
    assert split_spans("") == [] and split_spans("\n\n") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Die Fähre legte am 3. März 2024 in Kessport an. Niemand stieg aus.", 2),
        ("Das Büro der Gewerkschaft liegt im 1. Stock. Die Tür war zu.", 2),
        ("Es war zum 2. Mal in diesem Jahr. Der Hafen blieb leer.", 2),
        ("Le 1er mars, les dockers ont arrêté le travail. Ils sont revenus.", 2),
        ("The strike ended after 12. Then the ships left.", 2),
    ],
)
def test_an_ordinal_day_or_number_with_a_stop_does_not_end_a_sentence(text, count):
    assert len(split_sentences("a", text)) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Shares of Tide Shipping -LRB- TSH . L -RRB- fell 3 percent . Orlen Ferries -LRB- ORF . N -RRB- rose .", 2),
        ("Tide Shipping (TSH. L) fell. Orlen Ferries rose.", 2),
        ("The harbour board listed its demands. 2) Dockers return on Monday.", 2),
    ],
)
def test_a_stop_inside_a_ticker_does_not_end_a_sentence(text, count):
    assert len(split_sentences("a", text)) == count


def test_splitting_a_long_line_takes_linear_time():
    import time

    line = "The Orlen ferry sailed on Tuesday with forty passengers aboard, the harbour master said. " * 20_000
    start = time.perf_counter()
    spans = split_spans(line)
    assert len(spans) == 20_000
    assert time.perf_counter() - start < 5, "1.8 MB on one line (it took minutes when splitting was quadratic)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il consiglio di Kessport ha votato l'art. 18 dello statuto. Il porto riapre.",
         ["Il consiglio di Kessport ha votato l'art. 18 dello statuto.", "Il porto riapre."]),
        ("El puerto cita el núm. 5 del decreto. La huelga sigue.",
         ["El puerto cita el núm. 5 del decreto.", "La huelga sigue."]),
        ("It was a work of art. Twenty dockers saw it.", ["It was a work of art.", "Twenty dockers saw it."]),
    ],
)
def test_a_word_that_names_a_number_does_not_end_a_sentence_before_it(text, expected):
    assert [s.text for s in split_sentences("a", text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Non restiamo», ha detto il portuale. «Ce ne andiamo». Poi è uscito.",
         ["«Non restiamo», ha detto il portuale.", "«Ce ne andiamo».", "Poi è uscito."]),
        ("„Wir bleiben“, sagte die Sprecherin. „Das ist alles.“ Dann ging sie.",
         ["„Wir bleiben“, sagte die Sprecherin.", "„Das ist alles.“", "Dann ging sie."]),
    ],
)
def test_a_sentence_opening_or_closing_on_european_quotes_is_split(text, expected):
    assert [s.text for s in split_sentences("a", text)] == expected
