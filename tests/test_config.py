"""storyline.toml: every setting of the two levels of stories and of timelines, checked as it is read."""

import re

import pytest

from storyline.config import ConfigError, load_settings, settings_rows
from storyline.stories import DEFAULTS as STORY_DEFAULTS
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS


def test_without_a_file_every_setting_is_its_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_CONFIG", raising=False)
    settings = load_settings()
    assert settings.stories == STORY_DEFAULTS and settings.timeline == TIMELINE_DEFAULTS and settings.path == ""
    assert not any(row["changed"] for row in settings_rows(settings))


def test_the_file_in_the_working_directory_or_the_one_named_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_CONFIG", raising=False)
    (tmp_path / "storyline.toml").write_text('[stories]\nthreshold = 0.25\nhalf_life_days = 7\n'
                                             '[timeline]\ndates = 12\nprecisions = ["day"]\n')
    settings = load_settings()
    assert settings.stories.threshold == 0.25 and settings.stories.half_life_days == 7.0
    assert settings.timeline.dates == 12 and settings.timeline.precisions == ("day",)
    assert {row["name"] for row in settings_rows(settings) if row["changed"]} == {
        "threshold", "half_life_days", "dates", "precisions"}
    other = tmp_path / "other.toml"
    other.write_text("[timeline]\nmax_dates = 30\n")
    monkeypatch.setenv("STORYLINE_CONFIG", str(other))
    assert load_settings().timeline.max_dates == 30 and load_settings().stories == STORY_DEFAULTS


@pytest.mark.parametrize(("text", "message"), [
    ("[stories]\nthreshhold = 0.3\n", "no setting 'threshhold'"),
    ("[story]\nthreshold = 0.3\n", "unknown table [story]"),
    ('[timeline]\nmax_dates = "many"\n', "max_dates = 'many' is not a whole number"),
    ("[timeline]\nmax_dates = 2.5\n", "is not a whole number"),
    ("[stories]\nthreshold = -1\n", "must not be negative"),
    ("[timeline]\ndates = 0\n", "positive whole number"),
    ("[stories\n", "not a readable TOML file"),
])
def test_mistakes_are_named_with_the_file(tmp_path, text, message):
    path = tmp_path / "storyline.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)) as error:
        load_settings(path)
    assert str(error.value).startswith(str(path))


def test_a_named_file_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such settings file"):
        load_settings(tmp_path / "missing.toml")
