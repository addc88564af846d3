"""What every reader shares: turning bytes into text, and reporting problems."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime


@dataclass(slots=True, frozen=True)
class Problem:
    """An input that could not be read; ``where`` is a file, maybe with a line."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ReadError(Exception):
    """Raised by a reader when a whole file cannot be read."""


_DROP = {c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]}
_BLANK_LINES = re.compile(r"\n{3,}")


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
                       re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page or feed declares in its first bytes (a meta tag, an XML declaration), if any."""
    match = _DECLARED.search(data[:4096])
    return (match[1] or match[2]).decode("ascii").lower() if match else None


def decode(data: bytes, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode a file's bytes, refusing binary, empty and mis-encoded input. UTF-8 is tried first (pages often
    declare a charset they are not in), then the charset ``declared`` (by an HTTP header) or declared in the
    content itself."""
    if not data.strip():
        raise ReadError("empty file")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary file (contains NUL bytes), not text")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(f"cannot decode as {encoding}: {exc.reason if hasattr(exc, 'reason') else exc}") from None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = declared or declared_charset(data)
        if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                pass
        raise ReadError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding if you know what it is"
        ) from None


def normalize_text(text: str) -> str:
    """Normalise Unicode and layout while keeping paragraphs apart."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.translate(_DROP).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> date | None:
    """Read a publication date from the forms structured inputs use.

    ISO 8601 and RFC 2822 (feeds, e-mail) are tried first because they are
    exact and fast; free text falls back to dateparser.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if match := _ISO_DAY.match(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only free-text dates need it

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
