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
