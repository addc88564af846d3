"""Child processes that end with their parent: a worker or a cache warmer must not live on (holding memory,
writing to a store) after the command that started it was killed, even with ``kill -9``."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(*, exit_on_sigterm: bool = True) -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (elsewhere, nothing happens), and exit
    quietly on it; without ``exit_on_sigterm`` the process's own handler (a server's graceful stop) answers
    it. Meant as the first call in a child process."""
    if exit_on_sigterm:
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(0)
