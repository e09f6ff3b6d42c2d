"""id-ID numbers, dates and times of the web workspace (placement/ui/format.py)."""

from __future__ import annotations

from datetime import date

import pytest

from placement.ui.format import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    set_zone,
    zone,
)


def test_numbers_in_indonesian_and_english() -> None:
    assert format_number(3000, lang="id") == "3.000"
    assert format_number(254701, lang="id") == "254.701"
    assert format_number(35.5092, 2, lang="id") == "35,51"
    assert format_number(-1234.5, 1, lang="id") == "-1.234,5"
    assert format_number(3000, lang="en") == "3,000"
    assert format_number(35.5092, 2, lang="en") == "35.51"
    assert format_number(float("nan")) == "-" and format_number(None) == "-"
    assert format_percent(0.125, lang="id") == "12,5 %"


def test_dates_and_times_with_zone() -> None:
    assert format_date(date(2026, 7, 1), lang="id") == "1 Juli 2026"
    assert format_date("2026-12-02", lang="en") == "2 December 2026"
    # the run store keeps UTC: 07:05 UTC is 14.05 WIB
    assert format_datetime("2026-07-01T07:05:00+00:00", lang="id") == "1 Juli 2026, 14.05 WIB"
    assert format_datetime("2026-07-01T07:05:00", lang="en") == "1 July 2026, 14:05 WIB"
    assert format_datetime("2026-12-31T17:30:00+00:00", "Asia/Makassar", "id") == (
        "1 Januari 2027, 01.30 WITA"
    )
    assert format_datetime("2026-07-01T07:05:00", "Asia/Jayapura", "id").endswith("16.05 WIT")
    assert format_datetime(None) == "-"


def test_the_zone_is_a_setting() -> None:
    before = zone()
    try:
        set_zone("Asia/Jayapura")
        assert format_datetime("2026-07-01T07:05:00", lang="id") == "1 Juli 2026, 16.05 WIT"
        with pytest.raises(Exception, match="Mars"):
            set_zone("Mars/Olympus")
        assert zone() == "Asia/Jayapura"
    finally:
        set_zone(before)
