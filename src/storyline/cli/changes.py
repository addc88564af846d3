"""``storyline changes``: what is new in the stories since a day or since the update before the last."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from storyline.cli.common import (
    EXIT_USAGE,
    SESSION,
    AsJson,
    Db,
    fail,
    open_store,
    out,
    parse_day,
    refresh,
)


def changes_command(
    story_id: Annotated[int | None, typer.Argument(metavar="[STORY]", help="Only this story [default: every "
                                                                           "story].")] = None,
    db: Db = None,
    since: Annotated[str, typer.Option(metavar="DAY|last", help="Changes made after this day (YYYY-MM-DD), or by "
                                                                "the last update (last).")] = "last",
    as_json: AsJson = False,
) -> None:
    """List new stories, new events, new timeline entries and replaced entries, each citing its sentence.

    Every update is recorded, and a timeline a reader could have seen is kept, so a replaced entry is shown
    with what it was. Example: storyline changes --since 2024-03-01
    """
    from storyline.changes import LAST, changes, changes_dict, changes_text

    day = LAST if since == LAST else parse_day(since, "--since")
    with open_store(db) as store:
        refresh(store)
        if story_id is not None and store.story(story_id) is None:
            raise fail(f"no story {story_id} in {store.name} (see 'storyline stories')")
        try:
            found = changes(store, day, story_id, SESSION.settings.timeline)
        except ValueError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    if as_json:
        out.print_json(data=changes_dict(found))
    else:
        sys.stdout.write(changes_text(found))


def claims_command(
    story_id: Annotated[int, typer.Argument(metavar="STORY", help="Story id.")],
    db: Db = None,
    as_json: AsJson = False,
) -> None:
    """How the story's claims went: figures (the dead, the injured, the missing, cases, read from running totals)
    and states (a production's or a case's stage, what a follow-up is to be, where it is set, who wrote it):
    each step's value, date and status, who confirmed or contradicted it, and the sentence that gave it."""
    from storyline.changes import (
        cited,
        disagreements,
        shown,
        step_dict,
        story_histories,
    )

    with open_store(db) as store:
        refresh(store)
        story = store.story(story_id)
        if story is None:
            raise fail(f"no story {story_id} in {store.name} (see 'storyline stories')")
        found = story_histories(store, story)
    if as_json:
        out.print_json(data={attribute: [step_dict(s) for s in steps] for attribute, steps in found.items()})
        return
    if not found:
        sys.stdout.write("No claims: the story's articles give no toll, count or stage, and name no setting or "
                         "writer.\n")
    for attribute, steps in found.items():
        sys.stdout.write(f"{attribute}\n")
        for step in steps:
            confirmed = f", confirmed by {', '.join(c.source for c in step.confirmed_by)}" if step.confirmed_by else ""
            sys.stdout.write(f"  {step.claim.published or '?'}  {shown(step.claim)}  {step.status}  "
                             f"({cited(step.claim)}{confirmed}{disagreements(step)})\n")
