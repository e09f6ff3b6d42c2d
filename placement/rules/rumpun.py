"""Field-of-work (rumpun) checks and texts on top of :mod:`placement.domain.rumpun`: the outcome
of RUMPUN_TEKNIS / RUMPUN_SESUAI for pairs, and the field shown in explanations."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from placement.rules.facts import BoolArray, Facts, IntArray, ObjArray

UNKNOWN = "rumpun tidak diketahui"


def wanted(f: Facts, post: IntArray) -> ObjArray:
    """What each post asks: its field and the other fields it accepts ("keuangan (atau ekonomi)")."""
    out = []
    for fld in f.j_rumpun[post]:
        others = sorted(f.tables.accepted(fld) - {fld})
        out.append(f"{fld} (atau {', '.join(others)})" if others else str(fld))
    return np.array(out, dtype=object)


def shown_fields(f: Facts, person: IntArray) -> ObjArray:
    """Each person's fields, or 'rumpun tidak diketahui'."""
    return np.array([t or UNKNOWN for t in f.p_rumpun[person]], dtype=object)


def field_check(
    f: Facts, person: IntArray, post: IntArray, applies: BoolArray
) -> tuple[BoolArray, BoolArray, Callable[[], tuple[ObjArray, ObjArray]]]:
    """(applies, ok, detail) of a field rule: ok where the person's fields fit the post's field;
    a person with no known field does not fit a post that is checked."""
    return applies, f.field_match(person, post), lambda: (shown_fields(f, person), wanted(f, post))


__all__ = ["UNKNOWN", "field_check", "shown_fields", "wanted"]
