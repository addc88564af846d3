from storyline.labels import label
from storyline.model import Article


def _a(text: str) -> Article:
    return Article(raw_text=text, text=text)


def test_label_prefers_shared_names_and_skips_sentence_starters():
    articles = [_a("The Orlen Library reopened. Ada Quist spoke."), _a("The Orlen Library is busy.")]
    assert label(articles).startswith("Orlen Library")


def test_label_leaves_out_months_and_weekdays():
    articles = [_a("On Thursday, Kessport dock workers struck. In February the Kessport port was quiet."),
                _a("By Thursday the Kessport strike had spread. February ended calmly.")]
    assert label(articles) == "Kessport"


def test_label_is_the_same_whatever_the_hash_seed():
    import subprocess
    import sys

    code = ("from storyline.model import Article; from storyline.labels import label; "
            "print(label([Article(raw_text='', text='Ada Quist met Bo Lind and Cy Marr in Orlen.')]))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(runs) == 1


def test_label_leaves_out_datelines_time_zones_speakers_and_page_words():
    from storyline.terms import ENTITY_MARK

    weights = {"BST KESSPORT": 0.9, "Kessport": 0.8, "AM Posted": 0.7, "ADA QUIST": 0.6, "NATO": 0.5,
               "Jun": 0.45, "Coastal Transport Union": 0.4}
    centroid = {ENTITY_MARK + name: weight for name, weight in weights.items()}
    assert label([], centroid=centroid) == "Kessport · NATO · Coastal Transport Union"


def test_label_names_one_person_once_however_the_name_is_spelt():
    from storyline.terms import ENTITY_MARK

    weights = {"Mohammed Qasim": 0.9, "Muhammad Kassem": 0.8, "Kessport": 0.7, "Iraq": 0.6, "Riga": 0.5}
    centroid = {ENTITY_MARK + name: weight for name, weight in weights.items()}
    assert label([], centroid=centroid) == "Mohammed Qasim · Kessport · Iraq"


def test_a_label_falls_back_to_shared_phrases_when_no_name_reads_well():
    from storyline.terms import ENTITY_MARK

    articles = [_a("Job openings rose. Harbor Jobs Board figures came out."), _a("The Harbor Jobs Board said so.")]
    assert label(articles, centroid={ENTITY_MARK + "Jan": 0.9, ENTITY_MARK + "AM Posted": 0.5}) == "Harbor Jobs Board"
