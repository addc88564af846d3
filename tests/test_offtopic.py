from storyline.model import Article
from storyline.offtopic import is_heading, off_topic, segments
from storyline.sentences import split_sentences

BRIDGE_1 = ("Varrow council closed the Harlan Street Bridge after engineers found cracks in its piers.\n"
            "Mayor Ada Quist said the crossing over the Lune would stay shut until inspectors from Kessport report.")
BRIDGE_2 = ("Inspectors from Kessport say the Harlan Street Bridge in Varrow cannot be repaired.\n"
            "Ada Quist asked the Lune Transit Board for ferries.")
BRIDGE_3 = ("Varrow votes to replace the Harlan Street Bridge.\n"
            "About the bridge\n"
            "The Harlan Street Bridge opened over the Lune in 1931, and Varrow has repaired it twice since.\n"
            "Coming up at the Orlen Playhouse\n"
            "On Friday, Mira Tallis stars in Moonlit Harbour, directed by Osric Penn with music by Lena Voss.\n"
            "Tickets from the Orlen Playhouse box office.")


def _articles(*texts: str) -> list[Article]:
    return [Article(raw_text=t, text=t, id=f"a{i}") for i, t in enumerate(texts)]


def _sentences(article: Article):
    return split_sentences(article.id, article.text)


def test_headings_are_short_lines_without_final_punctuation():
    sentences = _sentences(_articles(BRIDGE_3)[0])
    assert [is_heading(s) for s in sentences] == [False, True, False, True, False, False]
    assert [len(run) for run in segments(sentences)] == [1, 2, 3]


def test_a_segment_naming_people_the_story_never_mentions_is_off_topic():
    articles = _articles(BRIDGE_1, BRIDGE_2, BRIDGE_3)
    assert off_topic(articles, _sentences) == {("a2", 3), ("a2", 4), ("a2", 5)}


def test_a_background_segment_about_the_same_things_stays():
    articles = _articles(BRIDGE_1, BRIDGE_3)
    dropped = off_topic(articles, _sentences)
    assert ("a1", 2) not in dropped and ("a1", 4) in dropped


def test_a_story_of_one_article_is_judged_against_the_rest_of_it():
    assert off_topic(_articles(BRIDGE_3), _sentences) == {("a0", 3), ("a0", 4), ("a0", 5)}


def test_the_first_segment_is_never_dropped():
    articles = _articles("Coming up at the Orlen Playhouse\nMira Tallis, Osric Penn and Lena Voss open Moonlit Harbour.",
                         BRIDGE_1)
    assert off_topic(articles, _sentences) == set()
