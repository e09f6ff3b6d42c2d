"""Field-of-work (rumpun) checks and texts on top of :mod:`placement.domain.rumpun`: the outcome
of RUMPUN_TEKNIS / RUMPUN_SESUAI for pairs, and the field shown in explanations."""

from __future__ import annotations

from collections.abc import Callable

from placement.rules.facts import BoolArray, Facts, IntArray
from placement.rules.shown import Shown, both, text


def wanted(f: Facts, post: IntArray) -> Shown:
    """What each post asks: its field and the other fields it accepts ("keuangan (atau ekonomi)")."""
    out = []
    for fld in f.j_rumpun[post]:
        others = sorted(f.tables.accepted(fld) - {fld})
        out.append(
            text("RUMPUN_ATAU", field=fld, others=", ".join(others)) if others else both(str(fld))
        )
    return Shown.each(out)


def shown_fields(f: Facts, person: IntArray) -> Shown:
    """Each person's fields, or 'rumpun tidak diketahui'."""
    return Shown.each(both(t) if t else text("RUMPUN_TIDAK_DIKETAHUI") for t in f.p_rumpun[person])


def field_check(
    f: Facts, person: IntArray, post: IntArray, applies: BoolArray
) -> tuple[BoolArray, BoolArray, Callable[[], tuple[Shown, Shown]]]:
    """(applies, ok, detail) of a field rule: ok where the person's fields fit the post's field;
    a person with no known field does not fit a post that is checked."""
    return applies, f.field_match(person, post), lambda: (shown_fields(f, person), wanted(f, post))


__all__ = ["field_check", "shown_fields", "wanted"]
