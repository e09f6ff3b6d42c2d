"""The web workspace's formatting (placement/ui/format.py): the session's language, the
workspace's time zone, "-" for a missing cell; the id-ID / English forms themselves are tested in
tests/test_format_id.py."""

from __future__ import annotations

from datetime import date

import pytest

from placement.ui import i18n
from placement.ui.format import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    set_zone,
    zone,
)


def test_the_session_language_is_used_unless_one_is_given() -> None:
    before = i18n.lang()
    i18n.set_lang("en")
    try:
        assert format_number(3000) == "3,000" and format_date(date(2026, 7, 1)) == "1 July 2026"
    finally:
        i18n.set_lang(before)
    i18n.set_lang("id")
    assert format_number(3000) == "3.000" and format_number(3000, lang="en") == "3,000"
    assert format_number(35.5092, 2) == "35,51" and format_percent(0.125) == "12,5 %"
    assert format_date(date(2026, 7, 1)) == "1 Juli 2026"
    assert format_date("2026-12-02", lang="en") == "2 December 2026"
    assert format_number(float("nan")) == "-" and format_number(None) == "-"
    assert format_percent(None) == "-" and format_date("") == "-" and format_datetime(None) == "-"
    i18n.set_lang(before)


def test_the_zone_is_a_setting() -> None:
    before = zone()
    try:
        set_zone("Asia/Jakarta")  # the default
        assert format_datetime("2026-07-01T07:05:00+00:00", lang="id") == "1 Juli 2026, 14.05 WIB"
        assert format_datetime("2026-07-01T07:05:00", "Asia/Makassar", "id").endswith("15.05 WITA")
        set_zone("Asia/Jayapura")
        assert format_datetime("2026-07-01T07:05:00", lang="id") == "1 Juli 2026, 16.05 WIT"
        assert format_datetime("2026-07-01T07:05:00", lang="en") == "1 July 2026, 16:05 WIT"
        with pytest.raises(Exception, match="Mars"):
            set_zone("Mars/Olympus")
        assert zone() == "Asia/Jayapura"
    finally:
        set_zone(before)
