"""The solved plans the Rencana page explains: data and re-solved result of a run's plan folder
(:func:`placement.workflow.studies.load_solved`), loaded once per folder in a thread and kept for the
few runs looked at last."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path
from typing import Any

from nicegui import run

from placement.domain.model import Dataset
from placement.plan.result import Result
from placement.workflow.studies import load_solved

Solved = tuple[Dataset, Result, dict[str, Any]]
KEEP = 3

_cache: OrderedDict[tuple[str, float], Solved] = OrderedDict()
_locks: dict[tuple[str, float], asyncio.Lock] = {}


def _key(folder: Path) -> tuple[str, float]:
    return str(folder.resolve()), (folder / "hasil.json").stat().st_mtime


def cached(folder: Path) -> Solved | None:
    """The solved plan of ``folder`` when it is already loaded."""
    try:
        return _cache.get(_key(folder))
    except OSError:
        return None


async def solved(folder: Path) -> Solved:
    """Data and re-solved result of ``folder`` (PlacementError when the data changed)."""
    key = _key(folder)
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        value = await run.io_bound(load_solved, folder)
        if value is None:  # the app is shutting down
            raise RuntimeError("placement ui: stopped while loading a plan")
        _cache[key] = value
        while len(_cache) > KEEP:
            old, _ = _cache.popitem(last=False)
            _locks.pop(old, None)
        return value
