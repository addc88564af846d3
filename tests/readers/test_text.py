from datetime import date

import pytest

from storyline.readers.base import ReadError
from storyline.readers.text import read_text


def test_seed_header_gives_the_date_and_the_body_follows_on_the_same_line():
    [article] = read_text(" date 2021-04-09 The mill at Pennick burned down.\n\nNo one was hurt.", "a.txt")
    assert article.published == date(2021, 4, 9)
    assert article.raw_text == "The mill at Pennick burned down.\n\nNo one was hurt."
    assert article.origin == "a.txt"


def test_plain_text_without_header_is_undated():
    [article] = read_text("A plain note about the Pennick mill.", "note.txt")
    assert article.published is None


def test_invalid_header_date_is_an_error():
    with pytest.raises(ReadError, match="invalid date"):
        list(read_text(" date 2021-02-31 Body text here.", "bad.txt"))


def test_header_without_body_is_an_error():
    with pytest.raises(ReadError, match="no article text"):
        list(read_text(" date 2021-02-03   \n\n", "bad.txt"))
