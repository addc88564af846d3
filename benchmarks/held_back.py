"""Timeline17's topic files cut in two for the update benchmarks: what is stored first, and what arrives later."""

from __future__ import annotations

import math
from pathlib import Path


def topic_files(root: Path) -> list[Path]:
    return sorted(root.glob("*/articles.jsonl"))


def held_back(root: Path, tmp: Path, new: int) -> tuple[list[str], list[str]]:
    """Each topic's file cut in two, written to ``tmp``: all but its last lines, and those (``new`` lines in all,
    spread evenly over the topics)."""
    paths = topic_files(root)
    each = math.ceil(new / max(1, len(paths)))
    old_files, new_files, left = [], [], new
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        cut = min(each, left)
        left -= cut
        for part, chunk, files in (("old", lines[:len(lines) - cut], old_files),
                                   ("new", lines[len(lines) - cut:], new_files)):
            if chunk:
                target = tmp / f"{path.parent.name}.{part}.jsonl"
                target.write_text("\n".join(chunk) + "\n", encoding="utf-8")
                files.append(str(target))
    return old_files, new_files
