import numpy as np

from storyline.story_vectors import (
    article_units,
    relevance_to_story,
    story_stop_words,
    tfidf,
    word_sets,
)


def test_a_claim_told_again_with_another_figure_is_alike_in_its_words_not_its_word_pairs():
    texts = ["Dr Ada Quill , 58 , denies fraud over the harbour dredging contracts .",
             "Dr Ada Quill denies fraud over the dredging contracts of the harbour .",
             "The first dredger reached Kessport harbour on Monday .",
             "The first dredger reached Varrow harbour on Monday .",
             "A dredger in the harbour on Monday found the channel shallow .",
             "The first dredger of the contracts worked the harbour on Monday ."]
    stop = story_stop_words(["en"] * len(texts))
    words, pairs = word_sets(texts, stop), tfidf(texts, stop)
    assert (words[0] @ words[1].T).toarray()[0, 0] > 0.9
    assert (pairs[0] @ pairs[1].T).toarray()[0, 0] < 0.7
    assert (words[2] @ words[3].T).toarray()[0, 0] < 0.7, "a rarer place is a change, not a repeat"


def test_stop_words_are_those_of_the_story_s_main_languages_only():
    stop = story_stop_words(["en"] * 9 + ["fr"])
    assert "the" in stop and "les" not in stop


def test_a_giant_page_weighs_what_one_short_report_weighs_in_relevance():
    texts = ["Ferries cross the Lune while the bridge is shut."] + ["A sidebar link about football scores."] * 40 + [
        "The bridge over the Lune is shut, so ferries cross.", "Ferries across the Lune replace the shut bridge."]
    owners = np.array([0] + [1] * 40 + [2, 3])
    matrix = tfidf(texts, story_stop_words(["en"]))
    units, row_of, _ = article_units(matrix, owners)
    scores = relevance_to_story(matrix, units, row_of)
    assert scores[0] > scores[1], "the reports about the bridge outweigh one page repeating its sidebar"
