"""Per-dataset memo: derived arrays (rule facts, competency matrices) are built once per dataset
and setting, not once per explained pair. Entries die with the Dataset (weak keys)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from placement.domain.model import Dataset

T = TypeVar("T")
_MEMO: weakref.WeakKeyDictionary[Dataset, dict[tuple[str, str], Any]] = weakref.WeakKeyDictionary()


def memo(ds: Dataset, kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()`` once per (dataset, kind, key); ``key`` must capture every input besides ``ds``."""
    entries = _MEMO.setdefault(ds, {})
    if (kind, key) not in entries:
        entries[(kind, key)] = build()
    value: T = entries[(kind, key)]
    return value
