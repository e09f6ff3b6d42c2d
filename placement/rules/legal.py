"""Legal basis of rules and approvals: a citation with its evidence and how far it was checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

LegalStatus = Literal["terverifikasi", "sekunder", "kebijakan daerah", "belum ditemukan"]
LEGAL_STATUSES: tuple[str, ...] = (
    "terverifikasi",
    "sekunder",
    "kebijakan daerah",
    "belum ditemukan",
)
"""How far a citation was checked: ``terverifikasi`` the text was read in a primary copy and is
quoted; ``sekunder`` taken from a secondary source (DOMAIN.md, a summary); ``kebijakan daerah`` a
regional policy with no national pasal; ``belum ditemukan`` the claimed basis was not found."""


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """One legal source of a rule or approval, with its evidence.

    ``peraturan`` and ``pasal`` name the source (``pasal`` is ``-`` for kebijakan daerah or when
    no pasal was found), ``bunyi`` quotes or paraphrases it, ``sumber`` says where it was read,
    ``status`` how far it was checked (see :data:`LEGAL_STATUSES`) and ``catatan`` what remains
    open (shown in docs/rules.md, not in the citation).
    """

    peraturan: str
    pasal: str
    status: LegalStatus
    bunyi: str = ""
    sumber: str = ""
    catatan: str = ""

    @property
    def unverified(self) -> bool:
        """Whether a reader must not take the citation as checked against the regulation text."""
        return self.status in ("sekunder", "belum ditemukan")

    def text(self) -> str:
        """``peraturan pasal`` (or the peraturan alone for kebijakan daerah)."""
        return (
            f"{self.peraturan} {self.pasal}".strip()
            if self.pasal not in ("", "-")
            else self.peraturan
        )

    def text_with_status(self) -> str:
        """The citation with its status, as printed in dossiers: ``PP 11/2017 ps 190 (terverifikasi)``."""
        if self.peraturan == self.status:  # "kebijakan daerah (kebijakan daerah)" says it twice
            return self.text()
        return f"{self.text()} ({self.status})"


def parse_legal_basis(owner: str, raw: Any) -> tuple[LegalBasis, ...]:
    """The ``dasar_hukum`` list of a rule or approval; every entry must carry a known status."""
    if not raw:
        raise ValueError(f"{owner}: dasar_hukum kosong")
    out: list[LegalBasis] = []
    for b in raw:
        status = str(b.get("status", ""))
        if status not in LEGAL_STATUSES:
            raise ValueError(
                f"{owner}: dasar_hukum {b.get('peraturan')!r} perlu status "
                f"({' / '.join(LEGAL_STATUSES)}), bukan {status or 'kosong'!r}"
            )
        out.append(
            LegalBasis(
                peraturan=str(b["peraturan"]),
                pasal=str(b.get("pasal", "-")),
                status=status,  # type: ignore[arg-type]
                bunyi=str(b.get("bunyi", "")).strip(),
                sumber=str(b.get("sumber", "")).strip(),
                catatan=str(b.get("catatan", "")).strip(),
            )
        )
    return tuple(out)


__all__ = ["LEGAL_STATUSES", "LegalBasis", "LegalStatus", "parse_legal_basis"]
