"""The run store's secret: the HMAC-SHA256 key, kept outside the store, and the store's head.

One JSON file (mode 0600), by default ``<store>.kunci`` beside the store (or the path in
``PLACEMENT_STORE_KEY``)::

    {"format": "placement-kunci-riwayat", "versi": 1, "peringatan": "...",
     "kunci": "<64 hex digits>", "dibuat": "...", "penyimpanan": "<store path>",
     "kepala": {"urutan": 12, "hash": "<hash of journal entry 12>"}}

The head is the last journal entry the key's owner saw written: a store whose last runs were
deleted (or replaced by an older copy) no longer holds it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from placement.domain.messages import Where, failure
from placement.privacy.keyfile import write_private
from placement.store.problems import unwritable

KEY_FORMAT = "placement-kunci-riwayat"
KEY_VERSION = 1
KEY_ENV = "PLACEMENT_STORE_KEY"
KEY_SUFFIX = ".kunci"
WARNING_TEXT = (
    "RAHASIA. Kunci penyimpanan riwayat run: siapa pun yang memegang file ini dan file "
    "penyimpanannya dapat memalsukan run dan persetujuan. Jangan dibagikan, jangan disalin "
    "bersama penyimpanannya; simpan cadangannya terpisah."
)


@dataclass
class StoreKey:
    """The key, where it lives, and the head (journal entry number and hash; 0 = none yet)."""

    path: Path
    key: bytes
    head: tuple[int, str] = (0, "")
    created: str = ""
    store: str = ""

    def mac(self, *parts: object) -> str:
        """HMAC-SHA256 (hex) over ``parts`` in canonical JSON."""
        payload = json.dumps(parts, ensure_ascii=False, default=str).encode()
        return hmac.new(self.key, payload, hashlib.sha256).hexdigest()

    @property
    def fingerprint(self) -> str:
        """Names the key in the store without revealing it."""
        return self.mac("sidik-kunci")[:16]

    def text(self) -> str:
        return (
            json.dumps(
                {
                    "format": KEY_FORMAT,
                    "versi": KEY_VERSION,
                    "peringatan": WARNING_TEXT,
                    "kunci": self.key.hex(),
                    "dibuat": self.created,
                    "penyimpanan": self.store,
                    "kepala": {"urutan": self.head[0], "hash": self.head[1]},
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )

    def save_head(self, head: tuple[int, str]) -> None:
        """Record a newer head (atomic rewrite; the key itself never changes)."""
        self.head = head
        write_private(self.path, self.text())


def key_path_for(store: Path) -> Path:
    """``PLACEMENT_STORE_KEY`` when set, else ``<store>.kunci`` beside the store."""
    env = os.environ.get(KEY_ENV, "").strip()
    return Path(env) if env else Path(f"{store}{KEY_SUFFIX}")


def read_key(path: Path) -> StoreKey | None:
    """The key file at ``path``; None when there is none, PlacementError when it is unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeError, ValueError):
        data = None
    if (
        isinstance(data, dict)
        and data.get("format") == KEY_FORMAT
        and data.get("versi") == KEY_VERSION
    ):
        head = data.get("kepala")
        try:
            key = bytes.fromhex(str(data.get("kunci", "")))
            number = int(head["urutan"]) if isinstance(head, dict) else 0
        except (ValueError, TypeError, KeyError):
            key = b""
        if len(key) >= 16:
            digest = str(head.get("hash", "")) if isinstance(head, dict) else ""
            return StoreKey(
                path,
                key,
                (number, digest),
                str(data.get("dibuat", "")),
                str(data.get("penyimpanan", "")),
            )
    raise failure("KUNCI_RIWAYAT_RUSAK", Where(str(path)), path=path)


def create_key(path: Path, store: Path) -> StoreKey:
    """A new key written to ``path`` (0600); an existing key there wins (two processes at once)."""
    new = StoreKey(
        path,
        secrets.token_bytes(32),
        (0, ""),
        datetime.now().isoformat(timespec="seconds"),
        str(store.resolve()),
    )
    try:
        write_private(path, new.text(), replace=False)
    except FileExistsError:
        return read_key(path) or create_key(path, store)
    except OSError as exc:
        raise unwritable(path, exc) from None
    return new
