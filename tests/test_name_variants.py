"""Spellings and initials of one name."""

import pytest

from storyline.name_variants import initials, initials_of, same_spelling


@pytest.mark.parametrize(("a", "b"), [("Gaddafi", "Gadhafi"), ("Gadhafi", "Qaddafi"), ("Muammar Gaddafi", "Moammar Kadhafi"),
                                      ("Osama bin Laden", "Usama bin Ladin"), ("Misrata", "Misurata")])
def test_transliterations_are_one_name(a, b):
    assert same_spelling(a, b)


@pytest.mark.parametrize(("a", "b"), [("Hassan", "Hussein"), ("Talibans", "The Libyans"), ("Iran", "Iraq"),
                                      ("Gaddafi", "Gaddafi"), ("Mali", "Malawi"), ("Sudan", "Sweden")])
def test_other_names_are_not(a, b):
    assert not same_spelling(a, b)


def test_initials_and_what_they_abbreviate():
    assert initials("U.N.") == "UN" and initials("NATO") == "NATO" and initials("Nato") == "" and initials("U.") == ""
    assert initials_of("United Nations") == "UN" and initials_of("Bank of the North") == "BN"
    assert initials_of("Varrow") == "" and initials_of("the mayor of Varrow") == ""
