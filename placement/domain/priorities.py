"""Default ``prioritas`` and ``wajib_isi`` of a post whose jabatan sheet leaves them empty (a real
structure usually has neither), derived from the post's kind and name.

- prioritas 1: every JPT (sekretaris daerah, kepala dinas / badan, inspektur, asisten, staf ahli,
  sekretaris DPRD) and the heads of a perangkat daerah at administrator level: camat (head of a
  kecamatan, a perangkat daerah with its own service to the public), kepala kantor / badan /
  satuan and direktur (RSUD);
- prioritas 2: the other administrator posts, sekretaris dinas included (the second post of an
  OPD, not its head), kepala bidang / bagian, sekretaris camat;
- prioritas 3: pengawas (kepala seksi / subbagian, lurah).
- wajib_isi: sekretaris daerah and the heads of dinas, badan, inspektorat, sekretariat DPRD and
  satpol PP at JPT level (an OPD without its definitive head); camat and the rest: not wajib_isi.

These are defaults of this engine (kebijakan daerah), not of a regulation: a region that ranks its
posts otherwise fills the two columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from placement.domain.grades import JPT_TYPES, JenisJabatan

_HEAD = re.compile(
    r"^(sekretaris daerah|kepala dinas|kepala badan|kepala kantor|kepala satuan|inspektur"
    r"(?! pembantu)|sekretaris dprd|sekretaris dewan|camat|direktur)\b"
)
_MUST_FILL = re.compile(
    r"^(sekretaris daerah|kepala dinas|kepala badan|inspektur(?! pembantu)|sekretaris dprd"
    r"|sekretaris dewan|kepala satuan polisi pamong praja)\b"
)
_KIND_PRIORITY: dict[str, int] = {
    JenisJabatan.JPT_MADYA.value: 1,
    JenisJabatan.JPT_PRATAMA.value: 1,
    JenisJabatan.ADMINISTRATOR.value: 2,
    JenisJabatan.PENGAWAS.value: 3,
}
_JPT = {t.value for t in JPT_TYPES}


def _norm(name: object) -> str:
    return " ".join(str(name).lower().split()) if isinstance(name, str) else ""


def default_priority(kind: object, name: object) -> int:
    """1 for JPT and heads of a perangkat daerah (camat included), 2 administrator, 3 pengawas."""
    if _HEAD.match(_norm(name)) and str(kind) != JenisJabatan.PENGAWAS.value:
        return 1
    return _KIND_PRIORITY.get(str(kind), 2)


def default_must_fill(kind: object, name: object) -> bool:
    """Sekretaris daerah and JPT heads of dinas, badan, inspektorat, sekretariat DPRD, satpol PP."""
    return str(kind) in _JPT and bool(_MUST_FILL.match(_norm(name)))


def default_priorities(kinds: Iterable[object], names: Iterable[object]) -> list[int]:
    return [default_priority(k, n) for k, n in zip(kinds, names, strict=True)]


def default_must_fills(kinds: Iterable[object], names: Iterable[object]) -> list[bool]:
    return [default_must_fill(k, n) for k, n in zip(kinds, names, strict=True)]


RULE_ID = (
    "JPT dan kepala perangkat daerah (termasuk camat) 1, administrator lain (termasuk sekretaris "
    "dinas) 2, pengawas 3"
)
RULE_EN = "JPT and heads of a perangkat daerah (camat included) 1, other administrator (sekretaris dinas included) 2, pengawas 3"
MUST_FILL_ID = (
    "ya untuk sekretaris daerah dan kepala dinas/badan/inspektorat/sekretariat DPRD/satpol PP (JPT)"
)
MUST_FILL_EN = "yes for sekretaris daerah and the JPT heads of dinas/badan/inspektorat/sekretariat DPRD/satpol PP"

__all__ = [
    "MUST_FILL_EN",
    "MUST_FILL_ID",
    "RULE_EN",
    "RULE_ID",
    "default_must_fill",
    "default_must_fills",
    "default_priorities",
    "default_priority",
]
