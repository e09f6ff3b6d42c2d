"""The web workspace's side of number, date and time formatting: the session's language and the
workspace's time zone (``placement ui --zona-waktu``, default Asia/Jakarta), and "-" for a missing
value in a table cell. The formatting itself (id-ID "3.000", "1 Juli 2026, 14.05 WIB" and the
English forms) is placement/domain/format_id.py, shared with the usulan package and the
comparison; the run store keeps UTC."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from placement.domain import format_id as fmt
from placement.ui import i18n

DEFAULT_ZONE = fmt.DEFAULT_ZONE
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
    """:func:`fmt.number` in the session's language; "-" for no value."""
    return fmt.number(value, decimals, "-", _lang(lang))


def format_percent(share: float | None, decimals: int = 1, lang: str | None = None) -> str:
    """:func:`fmt.percent` (a share 0–1) in the session's language; "-" for no value."""
    return fmt.percent(share, decimals, "-", _lang(lang))


def format_date(value: date | datetime | str | None, lang: str | None = None) -> str:
    """:func:`fmt.date_text` in the session's language; "-" for no value."""
    return fmt.date_text(value, "-", _lang(lang))


def format_datetime(
    value: datetime | str | None, zone_name: str | None = None, lang: str | None = None
) -> str:
    """:func:`fmt.datetime_text` in the workspace's time zone and the session's language."""
    return fmt.datetime_text(value, zone_name or _zone[0], _lang(lang), "-")


def to_local(value: datetime | str, zone_name: str | None = None) -> datetime:
    """``value`` (UTC when it has no zone) in the workspace's time zone."""
    return fmt.to_local(value, zone_name or _zone[0])
