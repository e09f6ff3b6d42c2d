"""UNOR NAMA chain → OPD and sub-unit.

A chain runs from the lowest unit up ("Sub Bagian Umum - Sekretariat - Dinas Kesehatan -
PEMERINTAH KAB. X"). The OPD is the highest link (below the pemerintah) that names an OPD of the
peta jabatan, so a kelurahan rolls up to its kecamatan and a UPT/UPTD, puskesmas or sekolah to
its dinas, while a kecamatan, the inspektorat, the sekretariat DPRD and an RSUD are OPDs of their
own. ``--unor-map`` (unor → opd) settles the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from placement.io.siasn.link import normalise

CHAIN_SEPARATOR = re.compile(r"\s+-\s+|\s*>\s*|\s*\|\s*")
_TOP = re.compile(r"^(pemerintah|pemkab|pemkot|pemprov|pemda)\b")


@dataclass(frozen=True, slots=True)
class Unit:
    """Where a person works: the OPD of the peta jabatan and the sub-unit chain under it."""

    opd: str
    sub: str


def links(chain: str) -> list[str]:
    """The links of a chain, lowest first, without the pemerintah at the top."""
    parts = [p.strip() for p in CHAIN_SEPARATOR.split(chain) if p.strip()]
    return [p for p in parts if not _TOP.match(normalise(p))]


class UnorResolver:
    """Resolves chains against the OPD names of the peta jabatan and the planner's map."""

    def __init__(self, opds: Iterable[str], overrides: Mapping[str, str] | None = None) -> None:
        self.opds = list(dict.fromkeys(opds))
        self._by_key = {normalise(o): o for o in self.opds}
        self._overrides = {normalise(k): v for k, v in (overrides or {}).items()}
        self._memo: dict[str, Unit | None] = {}

    def resolve(self, chain: str) -> Unit | None:
        """The unit of a chain, or None when no link names an OPD."""
        if chain not in self._memo:
            self._memo[chain] = self._resolve(chain)
        return self._memo[chain]

    def _resolve(self, chain: str) -> Unit | None:
        whole = normalise(chain)
        if whole in self._overrides:
            return Unit(self._overrides[whole], "")
        parts = links(chain)
        for i in range(len(parts) - 1, -1, -1):
            key = normalise(parts[i])
            opd = self._overrides.get(key) or self._by_key.get(key)
            if opd is not None:
                return Unit(opd, " - ".join(parts[:i]))
        return None

    def suggestions(self, chain: str, limit: int = 3) -> list[str]:
        """The OPDs closest to the chain's top link."""
        parts = links(chain) or [chain]
        found = process.extract(
            normalise(parts[-1]), list(self._by_key), scorer=fuzz.token_sort_ratio, limit=limit
        )
        return [self._by_key[k] for k, _, _ in found]
