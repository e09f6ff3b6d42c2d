"""Cell values as SIASN and the side files write them: NIPs (``'`` prefix, mangled by Excel),
dates (dd-mm-yyyy, ISO, Excel serial numbers)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from placement.domain.errors import shown
from placement.domain.messages import texts
from placement.domain.nip import NipError, clean_nip, looks_excel_mangled, parse_nip

EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")


class ValueProblemError(ValueError):
    """A cell that cannot be read: code and messages (Indonesian, English)."""

    def __init__(self, code: str, msg_id: str, msg_en: str) -> None:
        super().__init__(msg_id)
        self.code, self.msg_id, self.msg_en = code, msg_id, msg_en


def read_nip(raw: str, numeric: bool = False) -> str:
    """The 18-digit NIP of a cell; ValueProblemError when Excel stored it as a number (digits lost)
    or it is not a valid NIP."""
    found = _nip(raw, numeric)
    if isinstance(found, ValueProblemError):
        raise found
    return found


@lru_cache(maxsize=65536)
def _nip(raw: str, numeric: bool) -> str | ValueProblemError:
    """read_nip's answer, once per distinct cell (side files repeat NIPs)."""
    try:
        return _parse(raw, numeric)
    except ValueProblemError as exc:
        return exc


def _parse(raw: str, numeric: bool) -> str:
    if numeric or looks_excel_mangled(raw):
        raise ValueProblemError(
            "NIP_RUSAK_EXCEL",
            *texts("ALASAN_NIP_RUSAK_EXCEL", raw=shown(raw, 25)),
        )
    nip = clean_nip(raw)
    try:
        parse_nip(nip)
    except NipError as exc:
        raise ValueProblemError(exc.code, exc.reason_id, exc.reason_en) from None
    return nip


def read_date(raw: str) -> date:
    """A date from dd-mm-yyyy (or / .), yyyy-mm-dd or an Excel serial number."""
    text = raw.strip()
    try:
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if _SERIAL.match(text):
            return EXCEL_EPOCH + timedelta(days=int(float(text)))
    except ValueError:
        pass
    raise ValueProblemError(
        "TANGGAL_TIDAK_VALID",
        *texts("ALASAN_TANGGAL_SIASN", text=shown(text, 25)),
    )


def iso_date(raw: str) -> str:
    """ISO text of a date cell ('' stays '')."""
    return read_date(raw).isoformat() if raw.strip() else ""
