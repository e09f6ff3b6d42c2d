"""Display values of the rule checks, in both languages: the actual value and the threshold of an
explanation, one per pair. Words come from the message catalogue (placement/domain/messages.py,
the ``TAMPIL_*`` templates); numbers, dates, codes and the data's own values are the same in both
languages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from placement.domain.messages import texts
from placement.rules.facts import ObjArray


@dataclass(frozen=True, slots=True)
class Shown:
    """One display value per pair: ``id`` in Bahasa Indonesia, ``en`` in English."""

    id: ObjArray
    en: ObjArray

    @classmethod
    def same(cls, values: Iterable[object]) -> Shown:
        """Values that read the same in both languages (numbers, dates, codes, data values)."""
        out = np.array(list(values), dtype=object)
        return cls(out, out)

    @classmethod
    def each(cls, pairs: Iterable[tuple[object, object]]) -> Shown:
        """From one (Indonesian, English) pair per element: :func:`text` or :func:`both`."""
        rows = list(pairs)
        return cls(
            np.array([r[0] for r in rows], dtype=object),
            np.array([r[1] for r in rows], dtype=object),
        )

    def __len__(self) -> int:
        return len(self.id)


def text(name: str, /, **fields: object) -> tuple[str, str]:
    """Catalogue display template ``TAMPIL_<name>`` filled with ``fields``, both languages."""
    return texts(f"TAMPIL_{name}", **fields)


def both(value: object) -> tuple[object, object]:
    """A value that reads the same in both languages."""
    return value, value


NO_DATA = text("TIDAK_ADA_DATA")


def or_no_data(value: object, present: bool) -> tuple[object, object]:
    """``value`` where present, else 'tidak ada data' / 'no data'."""
    return (value, value) if present else NO_DATA


__all__ = ["NO_DATA", "Shown", "both", "or_no_data", "text"]
