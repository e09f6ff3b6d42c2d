"""csv files: text decoding (UTF-8, UTF-16 with or without BOM, cp1252), the separator and the
rows."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from pathlib import Path

from placement.domain.messages import texts
from placement.domain.schema import Table
from placement.io.cells import (
    ReadLimitError,
    ReadLimits,
    SheetCells,
    _check_size,
    _Read,
    _too_big,
    unreadable,
)
from placement.io.frames import _add_table

SEPARATORS: tuple[str, ...] = (",", ";", "\t")
_FIRST_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")


def decode_bytes(data: bytes) -> str:
    """Decode csv bytes: UTF-8 (with or without BOM), UTF-16 with BOM (or without, recognised
    by its zero bytes), else cp1252 / latin-1. A UTF-8 file (with non-ASCII text) cut inside
    its last character stays UTF-8, the cut character becoming U+FFFD."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    utf16 = _utf16_without_bom(body)
    if utf16 is not None:
        return utf16
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut = exc.end == len(body) and exc.reason == "unexpected end of data"
        if cut and not body[: exc.start].isascii():  # UTF-8 text before the cut: not cp1252
            return body.decode("utf-8", errors="replace")
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        return body.decode("latin-1")


def _utf16_without_bom(body: bytes) -> str | None:
    """Text of UTF-16 bytes saved without a BOM: ASCII text then has a zero byte in every
    other place (odd places little-endian, even places big-endian). None when it is not."""
    head = body[:4096]
    half = len(head) // 2
    if half < 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    encoding = (
        "utf-16-le" if odd > half * 0.6 > even else "utf-16-be" if even > half * 0.6 > odd else None
    )
    if encoding is None:
        return None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return None


def sniff_separator(text: str) -> str:
    """The separator of the first non-empty line: the most frequent of ',', ';' and tab."""
    match = _FIRST_LINE.search(text)  # not splitlines(): no list of every line of a big file
    first = match.group() if match else ""
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv(path: Path, table: Table, result: _Read) -> None:
    label = path.name
    try:
        _check_size(path.stat().st_size, result.limits, None)
        data = path.read_bytes()
        text = decode_bytes(data)
        cells = _csv_cells(text, result.limits)
    except ReadLimitError as exc:
        result.issues.append(_too_big(label, exc))
        return
    except (OSError, UnicodeError, csv.Error) as exc:
        result.issues.append(unreadable(label, exc))
        return
    result.hashes[path.name] = hashlib.sha256(data).hexdigest()
    _add_table(result, table, label, cells)


def _csv_cells(text: str, limits: ReadLimits) -> SheetCells:
    """The rows of csv text. ReadLimitError, before parsing, when the text may hold more than
    ``limits.cells`` cells (separators plus line breaks bound their number)."""
    separator = sniff_separator(text)
    if text.count(separator) + text.count("\n") + text.count("\r") >= limits.cells:
        raise ReadLimitError(*texts("BATAS_SEL_CSV", cells=limits.cells))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    return SheetCells(dict(enumerate(rows)))


__all__ = ["decode_bytes", "sniff_separator"]
