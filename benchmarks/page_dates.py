"""Publication dates of real pages, right to the day: `python benchmarks/page_dates.py [PAGES_DIR [LABELS]]`.

Three labelled sets of real pages, none written here:

- ../shared/datasets/html_pages (trafilatura's test collection), the default: benchmarks/data/page_dates.json
  holds the date each page shows its reader as its publication date, labelled by hand from the saved page
  (where it shows none, the one its markup declares; null for pages with no publication date at all: shops,
  an encyclopedia entry, "about" pages). Where a page carries two defensible dates (shown vs declared, a
  republished post, UTC vs local time) both are listed and either counts.
- htmldate's own test pages, labelled by htmldate's author (the dates of its comparison benchmark,
  benchmarks/data/page_dates_htmldate.json). The pages ship in htmldate's 1.4.0 source release:
  `pip download htmldate==1.4.0 --no-binary :all: --no-deps && tar xzf htmldate-1.4.0.tar.gz`, then
  `python benchmarks/page_dates.py htmldate-1.4.0/tests/cache benchmarks/data/page_dates_htmldate.json`.
- newspaper4k's test pages with the publication date its tests expect (benchmarks/data/page_dates_newspaper4k.json):
  `pip download newspaper4k==0.9.6 --no-binary :all: --no-deps`, unpack it, and give
  `newspaper4k-0.9.6/tests/data/html benchmarks/data/page_dates_newspaper4k.json`.

Prints, for dated pages, how many got the right day, a wrong one or none; for undated pages, how many were
given a date anyway; and every miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.evaluation.dates import score_page_dates

HERE = Path(__file__).parent
LABELS = HERE / "data" / "page_dates.json"
PAGES = HERE.parent.parent / "shared" / "datasets" / "html_pages"


def main() -> None:
    pages = Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES
    result = score_page_dates(pages, Path(sys.argv[2]) if len(sys.argv) > 2 else LABELS)
    print(f"dated pages: {result.dated}, right to the day: {result.right} ({result.accuracy:.1%}), "
          f"wrong: {len(result.wrong)}, none found: {len(result.missed)}")
    print(f"undated pages: {result.undated}, given a date anyway: {len(result.undated_given)}")
    for line in result.wrong + result.missed + result.undated_given:
        print("  " + line)


if __name__ == "__main__":
    main()
