"""Numbers, dates and times as a planner reads them: id-ID ("3.000", "35,51", "1 Juli 2026",
"1 Juli 2026, 14.05 WIB") in Indonesian mode, en ("3,000", "1 July 2026, 14:05 WIB") in English.
Times are shown in the workspace's time zone (``placement ui --zona-waktu``, default
Asia/Jakarta); the run store keeps UTC."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from placement.ui import i18n

DEFAULT_ZONE = "Asia/Jakarta"
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
              "Asia/Jayapura": "WIT", "UTC": "UTC"}  # fmt: skip
_zone: list[str] = [DEFAULT_ZONE]


def set_zone(name: str) -> None:
    """The time zone times are shown in (an IANA name; ZoneInfoNotFoundError when unknown)."""
    ZoneInfo(name)
    _zone[0] = name


def zone() -> str:
    return _zone[0]


def _lang(lang: str | None) -> str:
    return lang or i18n.lang()


def format_number(value: float | int | None, decimals: int = 0, lang: str | None = None) -> str:
    """``3000`` → "3.000", ``35.5092, 2`` → "35,51" (en: "3,000", "35.51"); "-" for no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    text = f"{value:,.{decimals}f}"
    if _lang(lang) == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(share: float | None, decimals: int = 1, lang: str | None = None) -> str:
    """A share 0–1 as "12,5 %" (en "12.5 %")."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "-"
    return f"{format_number(100 * share, decimals, lang)} %"


def format_date(value: date | datetime | str | None, lang: str | None = None) -> str:
    """ "1 Juli 2026" (en "1 July 2026"); an ISO text is read first; "-" for no value."""
    if value is None or value == "":
        return "-"
    day = _as_datetime(value) if isinstance(value, str) else value
    return f"{day.day} {MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def format_datetime(
    value: datetime | str | None, zone_name: str | None = None, lang: str | None = None
) -> str:
    """ "1 Juli 2026, 14.05 WIB" (en "1 July 2026, 14:05 WIB") in the workspace's time zone; a
    time without zone (the run store's ISO texts) is UTC."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return "-"
    name = zone_name or _zone[0]
    local = to_local(value, name)
    sep = ":" if _lang(lang) == "en" else "."
    label = ZONE_NAMES.get(name) or local.tzname() or name
    return f"{format_date(local, lang)}, {local.hour:02d}{sep}{local.minute:02d} {label}"


def to_local(value: datetime | str, zone_name: str | None = None) -> datetime:
    """``value`` (UTC when it has no zone) in the workspace's time zone."""
    moment = _as_datetime(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone_name or _zone[0]))


def _as_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
