"""A time cap on reading one input: past it, the read stops with an InputError that names
the limit and its variable (limits.max_read_seconds), and the other inputs go on.

It uses SIGALRM, so it works in the main thread of a Unix process (where every read of the
command-line tool happens); elsewhere it lets the read run uncapped rather than fail.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from briefing.errors import InputError
from briefing.options import Limits, describe


class _Overrun(BaseException):
    """Raised inside the capped code; a BaseException so that no `except Exception` in a
    library swallows it."""


@contextmanager
def capped(limits: Limits, what: str = "to read"):
    """Stop the block after `limits.max_read_seconds`."""
    seconds = limits.max_read_seconds
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)  # never cut short an outer cap
    if not usable:
        yield
        return

    def overrun(signum, frame):
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        raise InputError(f"took longer than {describe('max_read_seconds', limits)} {what}; it was not read") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
