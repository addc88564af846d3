"""`storyline serve --workers N` as an operator runs it: several processes answer, keep-alive requests are not
held back, and no worker outlives a server killed with SIGKILL."""

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _session(leader: int) -> list[int]:
    """Live (not zombie) processes of a session, but its leader."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == leader and fields[0] != "Z" and int(stat.parent.name) != leader:
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the parent-death signal is Linux's")
def test_two_worker_processes_answer_without_delay_and_end_with_the_server(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "storyline", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port),
         "--workers", "2"], stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/stories", timeout=2).raise_for_status()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
        with httpx.Client() as client:  # one connection, kept alive: Nagle's algorithm would add 40 ms to each
            seconds = []
            for _ in range(9):
                start = time.perf_counter()
                assert client.get(base + "/api/stories").status_code == 200
                seconds.append(time.perf_counter() - start)
        assert statistics.median(seconds) < 0.03, seconds
        workers = [pid for pid in _session(server.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(workers) == 2
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        deadline = time.monotonic() + 15
        while _session(server.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _session(server.pid), "processes outlived the server"
    finally:
        for pid in [server.pid, *_session(server.pid)]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_worker_processes_build_the_app_with_the_servers_settings(monkeypatch, tmp_path):
    from dataclasses import replace

    from storyline.timeline import DEFAULTS
    from storyline.web import ENVIRONMENT, app_from_environment, app_settings

    for settings in (DEFAULTS, replace(DEFAULTS, dates=12, precisions=("day",), spread=0.2)):
        monkeypatch.setenv(ENVIRONMENT, app_settings(str(tmp_path / "s.db"), settings, ("127.0.0.1",)))
        app = app_from_environment()
        assert app.state.timeline_settings == settings and app.state.db == str(tmp_path / "s.db")
