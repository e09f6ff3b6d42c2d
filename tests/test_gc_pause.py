"""fewer_gc_passes: raised threshold inside, the old one back after, also nested and threaded."""

from __future__ import annotations

import gc
import threading

import pytest

from placement.workflow.gc_pause import THRESHOLD, fewer_gc_passes


@pytest.fixture(autouse=True)
def _default_threshold() -> object:
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*old)


def test_raised_inside_restored_after_even_on_error() -> None:
    with pytest.raises(RuntimeError), fewer_gc_passes():
        assert gc.get_threshold() == (THRESHOLD, 10, 10)
        with fewer_gc_passes():
            assert gc.get_threshold()[0] == THRESHOLD
        assert gc.get_threshold()[0] == THRESHOLD  # the inner exit keeps the outer setting
        raise RuntimeError
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_threads_restore_the_old_threshold() -> None:
    inside, leave = threading.Barrier(3), threading.Event()

    def work() -> None:
        with fewer_gc_passes():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait()
    assert gc.get_threshold()[0] == THRESHOLD
    leave.set()
    for t in threads:
        t.join()
    assert gc.get_threshold() == (700, 10, 10)


def test_collection_switched_off_or_higher_is_left_alone() -> None:
    gc.set_threshold(0)
    with fewer_gc_passes():
        assert gc.get_threshold()[0] == 0
    gc.set_threshold(50_000, 10, 10)
    with fewer_gc_passes():
        assert gc.get_threshold()[0] == 50_000
    assert gc.get_threshold()[0] == 50_000
