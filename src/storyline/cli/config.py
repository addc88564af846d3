"""``storyline config``: every setting, its value, its default and the file that set it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.table import Table

from storyline.cli.common import SESSION, AsJson, out
from storyline.config import settings_rows


def config_command(as_json: AsJson = False,
                   changed: Annotated[bool, typer.Option("--changed", help="Only the settings the file "
                                                                           "changes.")] = False) -> None:
    """Show every setting: its value, its default, and which file set it.

    Put changes in storyline.toml (or the file --config or STORYLINE_CONFIG names), e.g.

      [stories]
      threshold = 0.25

      [timeline]
      max_dates = 40

    Stories made before a change of [stories] keep their shape until 'storyline recluster'.
    """
    rows = [row for row in settings_rows(SESSION.settings) if row["changed"] or not changed]
    if as_json:
        out.print_json(data={"file": SESSION.settings.path or None, "settings": rows})
        return
    out.print(f"settings file: {SESSION.settings.path or 'none (all defaults)'}", markup=False)
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("setting", "value", "default"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(f"{row['section']}.{row['name']}", repr(row["value"]) + (" *" if row["changed"] else ""),
                      repr(row["default"]))
    out.print(table)
