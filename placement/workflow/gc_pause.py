"""Fewer garbage-collector passes while a plan is read, solved and written.

A kabupaten solve allocates millions of short-lived objects (cells, tuples, pandas internals);
with Python's default threshold (700 allocations) the collector runs hundreds of times and its
full passes walk every object the imports left behind (pandas, numpy, HiGHS): about 9 % of the
in-process end-to-end time (issue 22, benchmarks/endtoend.py). Raising the first threshold while
the work runs keeps cyclic garbage collected, only in larger batches. Nested and concurrent uses
(the UI solves in threads) share one raised setting; the last to leave restores the old one.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLD = 10_000  # allocations between young-generation passes while the work runs

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Run the body with the collector's first threshold at least THRESHOLD."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            first, *rest = _saved
            if first and first < THRESHOLD:  # 0: automatic collection is off; leave it so
                gc.set_threshold(THRESHOLD, *rest)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
