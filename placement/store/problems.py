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

SQLITE_MAGIC = b"SQLite format 3\x00"


def missing(path: Path) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_TIDAK_ADA",
        f"Penyimpanan riwayat '{path}' tidak ada: belum ada run yang dicatat di sana, atau file "
        "dipindah. Periksa --store / PLACEMENT_STORE.",
        f"Run store '{path}' does not exist: no run was recorded there, or the file was moved. "
        "Check --store / PLACEMENT_STORE.",
        str(path),
    )


def lost(path: Path, key: Path, entries: int) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_HILANG",
        f"Penyimpanan riwayat '{path}' hilang: file kuncinya ({key}) mencatat {entries} catatan "
        "jurnal. Pulihkan penyimpanan dari cadangan; untuk memulai penyimpanan baru, pindahkan "
        "dulu file kunci lama.",
        f"Run store '{path}' is missing: its key file ({key}) records {entries} journal "
        "entries. Restore the store from a backup; to start a new store, move the old key file "
        "away first.",
        str(path),
    )


def emptied(path: Path) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_KOSONG",
        f"Penyimpanan riwayat '{path}' kosong (0 byte): isinya hilang atau terpotong. Pulihkan "
        "dari cadangan; run yang tercatat di sana tidak dapat diperiksa.",
        f"Run store '{path}' is empty (0 bytes): its content was lost or truncated. Restore it "
        "from a backup; the runs recorded there cannot be checked.",
        str(path),
    )


def damaged(path: Path, why: str) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_RUSAK",
        f"Penyimpanan riwayat '{path}' rusak atau bukan penyimpanan riwayat ({shown(why)}). "
        "Pulihkan dari cadangan atau pakai --store lain.",
        f"Run store '{path}' is damaged or not a run store ({shown(why)}). Restore it from a "
        "backup or use another --store.",
        str(path),
    )


def locked(path: Path, wait: float) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_TERKUNCI",
        f"Penyimpanan riwayat '{path}' masih dikunci proses lain setelah menunggu {wait:g} detik. "
        "Tunggu proses itu selesai lalu ulangi (batas tunggu: PLACEMENT_STORE_TIMEOUT).",
        f"Run store '{path}' is still locked by another process after waiting {wait:g} s. Wait "
        "for that process to finish, then retry (wait limit: PLACEMENT_STORE_TIMEOUT).",
        str(path),
    )


def unsealed(path: Path) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_TIDAK_UTUH",
        f"Penyimpanan riwayat '{path}' berisi jurnal, tetapi tanda kuncinya dihapus: file ini "
        "diubah di luar program. Pulihkan dari cadangan.",
        f"Run store '{path}' has a journal but its key mark was deleted: the file was edited "
        "outside the program. Restore it from a backup.",
        str(path),
    )


def unwritable(path: Path, exc: OSError) -> PlacementError:
    return PlacementError.single(
        "PENYIMPANAN_TIDAK_DAPAT_DITULIS",
        f"'{path}' tidak dapat dibuat atau ditulis ({exc.strerror or exc}); periksa izin folder "
        "atau pakai --store / PLACEMENT_STORE_KEY lain.",
        f"Cannot create or write '{path}' ({exc.strerror or exc}); check the folder's "
        "permissions or use another --store / PLACEMENT_STORE_KEY.",
        str(path),
    )


def waiting(path: Path, wait: float) -> str:
    """The line shown while waiting for another process's lock."""
    return (
        f"menunggu penyimpanan riwayat {path} yang sedang dikunci proses lain "
        f"(paling lama {wait:g} detik) …"
    )


def key_lost(store: Path, key: Path) -> PlacementError:
    return PlacementError.single(
        "KUNCI_RIWAYAT_HILANG",
        f"File kunci penyimpanan riwayat '{key}' tidak ada, padahal '{store}' dicatat dengan "
        "kunci. Tanpa kunci run tidak dapat diverifikasi dan run baru tidak dapat dicatat: "
        "pulihkan file kunci dari cadangan (atau atur PLACEMENT_STORE_KEY).",
        f"The run store key file '{key}' is missing, but '{store}' was recorded with a key. "
        "Without it runs cannot be verified nor new runs recorded: restore the key file from "
        "a backup (or set PLACEMENT_STORE_KEY).",
        str(key),
    )


def key_wrong(store: Path, key: Path) -> PlacementError:
    return PlacementError.single(
        "KUNCI_RIWAYAT_SALAH",
        f"File kunci '{key}' bukan kunci penyimpanan riwayat '{store}' (sidik kunci berbeda, "
        "atau penyimpanan diganti file lain). Pakai file kunci yang benar.",
        f"Key file '{key}' is not the key of run store '{store}' (different key fingerprint, or "
        "the store was replaced by another file). Use the right key file.",
        str(key),
    )


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
