"""Ctrl-C and SIGTERM while a native solver searches.

Python runs signal handlers only in the main thread and only between bytecodes, so a solver call
that holds the main thread in C++ for minutes would see the signal only when it returns (CP-SAT
even catches SIGINT itself and returns its best plan so far). :func:`run_interruptible` runs the
call in a helper thread instead; the main thread waits, receives the KeyboardInterrupt at once
(SIGTERM becomes one in ``placement.cli.base``), asks the solver to stop and raises it again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_POLL_SECONDS = 0.05


def run_interruptible(work: Callable[[], T], stop: Callable[[], None]) -> T:
    """``work()`` (a solver call that releases the GIL), interruptible: on KeyboardInterrupt
    ``stop()`` ends the search, the call is awaited and the KeyboardInterrupt raised again, so the
    caller never gets a plan from an interrupted search. Outside the main thread (no signals
    arrive there) ``work`` runs directly."""
    if threading.current_thread() is not threading.main_thread():
        return work()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # re-raised in the caller's thread
            failure.append(exc)

    thread = threading.Thread(target=target, name="placement-solver", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(_POLL_SECONDS)
    except KeyboardInterrupt:
        stop()
        thread.join()
        raise
    if failure:
        raise failure[0]
    return outcome[0]
