"""Folders and odd files: whatever cannot be read is named, never skipped silently, and never blocks."""

import os

from storyline.readers import Problem, iter_files, read_paths


def test_links_pipes_and_undecodable_names_are_named_and_the_rest_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(" date 2024-01-02 The Orlen ferry sailed on Tuesday.")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    bad_name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad_name, "wb") as handle:
        handle.write(b" date 2024-01-02 The cafe reopened.")
    items = list(read_paths([str(folder)]))
    problems = {p.message for p in items if isinstance(p, Problem)}
    assert "dangling symbolic link" in problems and "not a regular file (a pipe, socket or device)" in problems
    assert "file name is not valid UTF-8; rename the file" in problems
    assert sum(not isinstance(i, Problem) for i in items) == 1, "the good file, once (the loop is not followed)"
    assert all("\\udc" not in str(p.where) for p in items if isinstance(p, Problem))
    named = [i for i in iter_files([str(folder / "pipe.txt")])]
    assert isinstance(named[0], Problem), "a pipe named on its own is refused, not read (it would block)"
