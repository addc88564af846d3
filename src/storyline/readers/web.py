"""Pages and feeds over HTTP (httpx): timeouts, a size limit, redirects, retries with backoff on errors that
pass, conditional requests (ETag, Last-Modified), a delay between requests to one host, robots.txt, and a
User-Agent that names Storyline.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from storyline import __version__

USER_AGENT = f"Storyline/{__version__} (news story tracker)"
TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024
RETRIES = 2
BACKOFF = 1.0
"""Seconds before the first retry; each later one waits twice as long."""
HOST_DELAY = 1.0
"""Least seconds between two requests to one host."""


class FetchError(Exception):
    """A page or feed that could not be fetched, with why (one line)."""


@dataclass(frozen=True)
class Fetched:
    """What a GET brought: ``status`` 304 means unchanged since the ``etag``/``last_modified`` sent."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str = ""
    last_modified: str = ""


class Fetcher:
    """One HTTP client for many requests: it keeps connections, robots.txt and each host's last request."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, retries: int = RETRIES,
                 backoff: float = BACKOFF, host_delay: float = HOST_DELAY, robots: bool = True) -> None:
        self.client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
        self.timeout, self.max_bytes, self.retries = timeout, max_bytes, retries
        self.backoff, self.host_delay, self.robots = backoff, host_delay, robots
        self._last: dict[str, float] = {}
        self._rules: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        """GET ``url``, conditionally when an ETag or Last-Modified is known; errors raise ``FetchError``."""
        if self.robots and not self._allowed(url):
            raise FetchError("robots.txt of the site does not allow fetching this page")
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        for attempt in range(self.retries + 1):
            try:
                return self._get(url, headers)
            except _Passing as exc:
                if attempt == self.retries:
                    raise FetchError(str(exc)) from None
                time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        self._wait(url)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), 304)
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Passing(f"HTTP {response.status_code} {response.reason_phrase}")
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"larger than {self.max_bytes // (1024 * 1024)} MiB")
                content_type = response.headers.get("content-type", "")
                return Fetched(str(response.url), response.status_code, bytes(body),
                               content_type.split(";")[0].strip().lower(), response.charset_encoding,
                               response.headers.get("etag", ""), response.headers.get("last-modified", ""))
        except httpx.TimeoutException:
            raise _Passing(f"timed out after {self.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Passing(f"cannot connect ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(str(exc)) from None

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        pause = self._last.get(host, 0.0) + self.host_delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._rules:
            self._rules[base] = self._robots(base)
        rules = self._rules[base]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def _robots(self, base: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt; none (all allowed) when it has none or it cannot be read."""
        try:
            response = self.client.get(f"{base}/robots.txt", timeout=min(self.timeout, 10.0))
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.text.splitlines())
        return rules


class _Passing(Exception):
    """An error worth retrying: a timeout, a dropped connection, a server error."""
