"""Tasks for tests/test_batch.py that kill their worker process or fail; a module of their own
with light imports, so a worker that runs them does not import the test module (dask, click …)."""

from __future__ import annotations

import os
from pathlib import Path

from placement.workflow.batch import Solved, SolveSpec, solve_spec


def die_once(arg: tuple[Path, SolveSpec]) -> Solved:
    """Exit the worker process on the first attempt (a marker file remembers it), then solve."""
    marker, spec = arg
    if not marker.exists():
        marker.touch()
        os._exit(1)
    return solve_spec(spec)


def die_always(_arg: object) -> Solved:
    os._exit(1)


def fail_always(_arg: object) -> Solved:
    raise RuntimeError("rusak")
