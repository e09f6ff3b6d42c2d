"""The secret key file of pseudonymisation: the HMAC key and the map pseudonym → original.

One JSON file (mode 0600) holds both, so there is one secret to keep::

    {"format": "placement-kunci-samaran", "versi": 1, "peringatan": "...",
     "kunci": "<64 hex digits>", "dibuat": "2026-07-01T10:00:00",
     "peta": {"<pseudonymised NIP>": {"nip": "...", "nama": "...", "nama_samaran": "..."}}}

The map is personal data: it is never written into the folder that gets shared.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, failure, texts

KEY_FORMAT = "placement-kunci-samaran"
KEY_VERSION = 1
KEY_BYTES = 32
KEY_SUFFIX = ".kunci.json"
WARNING_TEXT = (
    "RAHASIA. File ini berisi kunci samaran dan peta NIP samaran ke NIP dan nama asli (data "
    "pribadi, UU 27/2022). Jangan dibagikan dan jangan ditaruh di folder data yang dibagikan."
)


@dataclass
class MapEntry:
    """One person: original NIP and name, and the name pseudonym given."""

    nip: str
    nama: str
    nama_samaran: str


@dataclass
class KeyFile:
    """The HMAC key and the pseudonym map (pseudonymised NIP → original)."""

    key: bytes
    mapping: dict[str, MapEntry] = field(default_factory=dict)
    created: str = ""

    @classmethod
    def new(cls) -> KeyFile:
        return cls(secrets.token_bytes(KEY_BYTES), {}, datetime.now().isoformat(timespec="seconds"))

    def by_original(self) -> dict[str, str]:
        """Original NIP → pseudonymised NIP."""
        return {e.nip: pseudo for pseudo, e in self.mapping.items()}

    def as_json(self) -> dict[str, Any]:
        return {
            "format": KEY_FORMAT,
            "versi": KEY_VERSION,
            "peringatan": WARNING_TEXT,
            "kunci": self.key.hex(),
            "dibuat": self.created,
            "peta": {
                p: {"nip": e.nip, "nama": e.nama, "nama_samaran": e.nama_samaran}
                for p, e in sorted(self.mapping.items())
            },
        }


def default_key_path(out_dir: Path) -> Path:
    """Beside the shared folder, never inside it: ``<parent>/<name>.kunci.json``."""
    out = Path(out_dir).resolve()
    return out.parent / f"{out.name}{KEY_SUFFIX}"


def _bad_key(path: Path, why_id: str, why_en: str) -> PlacementError:
    return failure("KUNCI_TIDAK_VALID", Where(str(path)), path=path, why_id=why_id, why_en=why_en)


def load_key(path: Path) -> KeyFile:
    """Read a key file; PlacementError (KUNCI_TIDAK_ADA / KUNCI_TIDAK_VALID) when unusable."""
    path = Path(path)
    if not path.is_file():
        raise failure("KUNCI_TIDAK_ADA", Where(str(path)), path=path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError):
        raise _bad_key(path, *texts("ALASAN_KUNCI_BUKAN_JSON")) from None
    if not isinstance(data, dict) or data.get("format") != KEY_FORMAT:
        raise _bad_key(path, *texts("ALASAN_KUNCI_BUKAN_KUNCI"))
    if data.get("versi") != KEY_VERSION:
        raise _bad_key(
            path,
            *texts("ALASAN_KUNCI_VERSI", versi=data.get("versi")),
        )
    try:
        key = bytes.fromhex(str(data.get("kunci", "")))
    except ValueError:
        key = b""
    if len(key) < 16:
        raise _bad_key(path, *texts("ALASAN_KUNCI_PENDEK"))
    mapping: dict[str, MapEntry] = {}
    peta = data.get("peta", {})
    if not isinstance(peta, dict):
        raise _bad_key(path, *texts("ALASAN_KUNCI_PETA_RUSAK"))
    for pseudo, entry in peta.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("nip"), str):
            raise _bad_key(path, *texts("ALASAN_KUNCI_ENTRI_RUSAK", pseudo=pseudo))
        mapping[str(pseudo)] = MapEntry(
            entry["nip"], str(entry.get("nama", "")), str(entry.get("nama_samaran", ""))
        )
    return KeyFile(key, mapping, str(data.get("dibuat", "")))


def save_key(keyfile: KeyFile, path: Path) -> Path:
    """Write the key file atomically, readable by its owner only (0600)."""
    text = json.dumps(keyfile.as_json(), indent=2, ensure_ascii=False) + "\n"
    return write_private(Path(path), text)


def write_private(path: Path, text: str, *, replace: bool = True) -> Path:
    """Write ``text`` atomically to ``path``, readable by its owner only (0600).

    ``replace=False`` never overwrites: FileExistsError when ``path`` exists, so two processes
    creating the same secret at once keep the first one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        tmp.chmod(0o600)
        if replace:
            tmp.replace(path)
        else:
            link_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def link_new(src: Path, path: Path) -> None:
    """Give ``src`` the name ``path`` unless ``path`` exists (FileExistsError). A hard link makes
    this atomic; on a file system without hard links, a rename after a check."""
    try:
        os.link(src, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(path) from None
        src.replace(path)


__all__ = [
    "KeyFile",
    "MapEntry",
    "default_key_path",
    "link_new",
    "load_key",
    "save_key",
    "write_private",
]
