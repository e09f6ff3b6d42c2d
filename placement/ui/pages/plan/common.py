"""Helpers the parts of the Rencana page share: an error's text, a signed number."""

from __future__ import annotations

from placement.domain.errors import PlacementError
from placement.ui import i18n
from placement.ui.format import format_number


def error_text(exc: PlacementError) -> str:
    """The first issue of ``exc`` in the UI's language."""
    return exc.issues[0].message(i18n.lang())


def signed(value: float) -> str:
    """ "+0,125" / "−0,050" (three decimals, id-ID)."""
    return ("+" if value >= 0 else "−") + format_number(abs(value), 3)
