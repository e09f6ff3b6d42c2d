"""Calendar arithmetic shared by the rules, the readers and the importer."""

from __future__ import annotations

import calendar
from datetime import date


def shift_months(day: date, months: int) -> date:
    """Calendar shift by whole months; the day is clipped to the month's end (29 Feb → 28 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


__all__ = ["shift_months"]
