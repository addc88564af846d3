"""Settings a user changes without touching code: a ``storyline.toml`` with a ``[stories]`` and a ``[timeline]``
table, each key a field of ``StorySettings`` or ``TimelineSettings``.

The file is the one ``--config`` or ``STORYLINE_CONFIG`` names, else ``storyline.toml`` in the working
directory when there is one; without a file every setting is its default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from storyline.stories import DEFAULTS as STORY_DEFAULTS
from storyline.stories import StorySettings
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import TimelineSettings

CONFIG_FILE = "storyline.toml"
ENV_CONFIG = "STORYLINE_CONFIG"


class ConfigError(ValueError):
    """The settings file cannot be read, or names a setting or a value Storyline does not know."""


@dataclass(frozen=True)
class Settings:
    """Everything a user may set, and the file it came from ("" for the defaults)."""

    stories: StorySettings = STORY_DEFAULTS
    timeline: TimelineSettings = TIMELINE_DEFAULTS
    path: str = ""


SECTIONS = {"stories": StorySettings, "timeline": TimelineSettings}


def config_path(given: str | os.PathLike[str] | None = None) -> Path | None:
    """The settings file in use: the one given, else ``STORYLINE_CONFIG``, else ./storyline.toml if present."""
    named = given or os.environ.get(ENV_CONFIG)
    if named:
        return Path(named)
    return Path(CONFIG_FILE) if Path(CONFIG_FILE).is_file() else None


def load_settings(given: str | os.PathLike[str] | None = None) -> Settings:
    """The settings of the file in use (see ``config_path``), each missing one at its default."""
    path = config_path(given)
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such settings file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable TOML file ({exc})") from None
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise ConfigError(f"{path}: unknown table [{unknown[0]}]; the tables are {', '.join(SECTIONS)}")
    stories = _section(path, "stories", data.get("stories", {}), STORY_DEFAULTS)
    timeline = _section(path, "timeline", data.get("timeline", {}), TIMELINE_DEFAULTS)
    return Settings(stories=stories, timeline=timeline, path=str(path))


def timeline_settings(table: Any, where: str) -> TimelineSettings:
    """A [timeline] table read and checked as a settings file's is; ``where`` names its origin in errors."""
    return _section(Path(where), "timeline", table, TIMELINE_DEFAULTS)


def _section(path: Path, name: str, table: Any, defaults: Any) -> Any:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{name}] must be a table of settings")
    known = {f.name: f for f in fields(defaults)}
    values = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{path}: [{name}] has no setting {key!r} (see 'storyline config')")
        values[key] = _value(path, f"{name}.{key}", value, getattr(defaults, key))
    return replace(defaults, **values)


def _value(path: Path, name: str, value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``: an int where a float is expected is fine, a string is not."""
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float))
        value = float(value) if ok else value
    elif isinstance(default, tuple):
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        value = tuple(value) if ok else value
    elif default is None:
        ok = isinstance(value, int) and value > 0  # the one such setting: a number of dates, else the default
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ConfigError(f"{path}: {name} = {value!r} is not a {_kind(default)}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ConfigError(f"{path}: {name} = {value!r} must not be negative")
    return value


def _kind(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, tuple):
        return "list of strings"
    if default is None:
        return "positive whole number"
    return {int: "whole number", float: "number", str: "string"}.get(type(default), type(default).__name__)


def settings_rows(settings: Settings) -> list[dict[str, Any]]:
    """Every setting with its value, its default and whether the file changed it: what ``storyline config``
    shows."""
    rows = []
    for name, defaults, current in (("stories", STORY_DEFAULTS, settings.stories),
                                    ("timeline", TIMELINE_DEFAULTS, settings.timeline)):
        for f in fields(defaults):
            value, default = getattr(current, f.name), getattr(defaults, f.name)
            rows.append({"section": name, "name": f.name, "value": _plain(value), "default": _plain(default),
                         "changed": value != default})
    return rows


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
