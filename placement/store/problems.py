"""What can be wrong with a run store file, as located Indonesian/English user errors.

``guarded`` turns SQLite's own errors (a locked, truncated or foreign file) into these, so no
command shows a traceback for a store it cannot use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from placement.domain.errors import PlacementError, shown
from placement.domain.messages import Where, failure

SQLITE_MAGIC = b"SQLite format 3\x00"


def missing(path: Path) -> PlacementError:
    return failure("PENYIMPANAN_TIDAK_ADA", Where(str(path)), path=path)


def lost(path: Path, key: Path, entries: int) -> PlacementError:
    return failure("PENYIMPANAN_HILANG", Where(str(path)), path=path, key=key, entries=entries)


def emptied(path: Path) -> PlacementError:
    return failure("PENYIMPANAN_KOSONG", Where(str(path)), path=path)


def damaged(path: Path, why: str) -> PlacementError:
    return failure("PENYIMPANAN_RUSAK", Where(str(path)), path=path, why=shown(why))


def locked(path: Path, wait: float) -> PlacementError:
    return failure("PENYIMPANAN_TERKUNCI", Where(str(path)), path=path, wait=wait)


def unsealed(path: Path) -> PlacementError:
    return failure("PENYIMPANAN_TIDAK_UTUH", Where(str(path)), path=path)


def unwritable(path: Path, exc: OSError) -> PlacementError:
    return failure(
        "PENYIMPANAN_TIDAK_DAPAT_DITULIS", Where(str(path)), path=path, strerror=exc.strerror or exc
    )


def waiting(path: Path, wait: float) -> str:
    """The line shown while waiting for another process's lock."""
    return (
        f"menunggu penyimpanan riwayat {path} yang sedang dikunci proses lain "
        f"(paling lama {wait:g} detik) …"
    )


def key_lost(store: Path, key: Path) -> PlacementError:
    return failure("KUNCI_RIWAYAT_HILANG", Where(str(key)), key=key, store=store)


def key_wrong(store: Path, key: Path) -> PlacementError:
    return failure("KUNCI_RIWAYAT_SALAH", Where(str(key)), key=key, store=store)


def is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or (
        "locked" in str(exc)
    )


@contextmanager
def guarded(path: Path, wait: float) -> Iterator[None]:
    """SQLite errors on ``path`` as PlacementError (trigger refusals pass through unchanged)."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise locked(path, wait) from None
        raise damaged(path, str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from None


def check_file(path: Path) -> None:
    """Refuse a 0-byte store and a file that is not SQLite before SQLite touches it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise damaged(path, "folder, bukan file") from None
    except OSError as exc:
        raise damaged(path, exc.strerror or str(exc)) from None
    if not header:
        raise emptied(path)
    if header != SQLITE_MAGIC:
        raise damaged(path, "bukan file SQLite")
