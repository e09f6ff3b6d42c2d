"""Linking people to posts of the peta jabatan, never silently.

Order: the planner's decisions (``--tautan``), the holder's NIP in the peta jabatan, SIASN ids
(when the peta jabatan carries them), the normalised (nama jabatan, OPD), then fuzzy matching
within the OPD, accepted only when the best candidate scores at least ``threshold`` and beats
the second by ``margin`` edits. Everything else is an error with the top-3 suggestions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from placement.domain.errors import Issue, error, shown
from placement.domain.messages import Where, issue, texts

FUZZY_THRESHOLD = 90.0
FUZZY_MARGIN = 2.0
NO_POST = "-"  # a planner's decision: this person holds no post of the peta jabatan

ABBREVIATIONS: dict[str, str] = {
    "kadis": "kepala dinas",
    "sekdis": "sekretaris dinas",
    "kaban": "kepala badan",
    "kabid": "kepala bidang",
    "kabag": "kepala bagian",
    "kasubag": "kepala subbagian",
    "kasubbag": "kepala subbagian",
    "kasubbid": "kepala subbidang",
    "kasi": "kepala seksi",
    "kasie": "kepala seksi",
    "ka": "kepala",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "bid": "bidang",
    "sekre": "sekretariat",
    "sekr": "sekretariat",
    "subag": "subbagian",
    "subbag": "subbagian",
    "sekcam": "sekretaris kecamatan",
    "sekkel": "sekretaris kelurahan",
    "sekda": "sekretaris daerah",
    "setda": "sekretariat daerah",
    "dprd": "dprd",
    "kab": "kabupaten",
    "yg": "yang",
    "dg": "dengan",
}
CONNECTIVES = frozenset({"dan", "serta"})  # "Umum dan Kepegawaian" = "Umum & Kepegawaian"
_JOINS = (("sub bagian", "subbagian"), ("sub bidang", "subbidang"), ("&", " dan "))


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case, spacing, punctuation and the common abbreviations (Kadis, Kasubbag, Ka. UPTD,
    Kec., Kel., Bid., Sekre.) folded, connectives ("dan", "serta", "&") left out:
    "Kasubbag Umum & Kepeg." → "kepala subbagian umum kepeg"."""
    lowered = str(text).lower()
    for a, b in _JOINS:
        lowered = lowered.replace(a, b)
    words = (ABBREVIATIONS.get(w, w) for w in re.sub(r"[^0-9a-z]+", " ", lowered).split())
    return " ".join(w for w in words if w not in CONNECTIVES)


@dataclass(frozen=True, slots=True)
class Post:
    jabatan_id: str
    name: str
    opd: str
    row: int
    holder_nip: str = ""
    siasn_jabatan_id: str = ""
    siasn_unor_id: str = ""


@dataclass(frozen=True, slots=True)
class Holder:
    """A person whose post is to be found (structural in SIASN, or named by the peta)."""

    nip: str
    name: str
    post_name: str
    opd: str | None
    row: int
    siasn_jabatan_id: str = ""
    siasn_unor_id: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    nip: str
    jabatan_id: str
    method: str  # nip / id / exact / fuzzy / planner
    score: float | None = None


@dataclass
class Linking:
    links: dict[str, Link] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    pending: list[dict[str, str]] = field(default_factory=list)  # for the fill-in sheet
    no_post: set[str] = field(default_factory=set)  # planner: holds no post


@dataclass
class Linker:
    posts: list[Post]
    label: str  # SIASN file label for messages
    peta_label: str
    threshold: float = FUZZY_THRESHOLD
    margin: float = FUZZY_MARGIN

    def __post_init__(self) -> None:
        self.by_id = {p.jabatan_id: p for p in self.posts}
        self.by_key: dict[tuple[str, str], list[Post]] = defaultdict(list)
        self.by_opd: dict[str, list[Post]] = defaultdict(list)
        self.by_siasn: dict[str, list[Post]] = defaultdict(list)
        for p in self.posts:
            self.by_key[(normalise(p.name), normalise(p.opd))].append(p)
            self.by_opd[normalise(p.opd)].append(p)
            if p.siasn_jabatan_id:
                self.by_siasn[p.siasn_jabatan_id].append(p)

    def run(
        self, holders: list[Holder], known: dict[str, Holder], decisions: dict[str, str]
    ) -> Linking:
        """Link ``holders``; ``known`` are all SIASN people by NIP (for the peta's holder NIPs)."""
        out = Linking()
        self._decided(holders, known, decisions, out)
        self._by_nip(known, out, decided=set(decisions))
        for h in holders:
            if h.nip not in out.links and h.nip not in out.no_post:
                self._match(h, out)
        self._doubles(known, out, decided=set(decisions))
        return out

    def _decided(
        self,
        holders: list[Holder],
        known: dict[str, Holder],
        decisions: dict[str, str],
        out: Linking,
    ) -> None:
        for nip, jid in decisions.items():
            if jid == NO_POST:
                out.no_post.add(nip)
            elif jid in self.by_id and nip in known:
                out.links[nip] = Link(nip, jid, "planner")

    def _by_nip(self, known: dict[str, Holder], out: Linking, decided: set[str]) -> None:
        seen: dict[str, Post] = {}
        for p in self.posts:
            nip = p.holder_nip
            if not nip or nip in decided:
                continue
            if nip in seen:
                out.issues.append(
                    issue(
                        "NIP_PEMEGANG_GANDA",
                        Where(self.peta_label, p.row, "nip"),
                        nip=nip,
                        jabatan_id=seen[nip].jabatan_id,
                        other=p.jabatan_id,
                    )
                )
                continue
            seen[nip] = p
            person = known.get(nip)
            if person is None:
                out.issues.append(
                    issue(
                        "PEMEGANG_TIDAK_DI_SIASN",
                        Where(self.peta_label, p.row, "nip"),
                        nip=nip,
                        jabatan_id=p.jabatan_id,
                    )
                )
                continue
            out.links[nip] = Link(nip, p.jabatan_id, "nip")
            if person.post_name and normalise(person.post_name) != normalise(p.name):
                out.issues.append(
                    issue(
                        "NAMA_JABATAN_BEDA",
                        Where(self.label, person.row, "JABATAN NAMA"),
                        nip=nip,
                        name=shown(p.name),
                        jabatan_id=p.jabatan_id,
                        post_name=shown(person.post_name),
                    )
                )

    def _match(self, h: Holder, out: Linking) -> None:
        if h.siasn_jabatan_id and h.siasn_jabatan_id in self.by_siasn:
            found = self.by_siasn[h.siasn_jabatan_id]
            if len(found) > 1 and h.siasn_unor_id:
                found = [p for p in found if p.siasn_unor_id == h.siasn_unor_id] or found
            if len(found) == 1:
                out.links[h.nip] = Link(h.nip, found[0].jabatan_id, "id")
                return
        if h.opd is None:
            return  # the unit is reported already
        exact = self.by_key.get((normalise(h.post_name), normalise(h.opd)), [])
        if len(exact) == 1:
            out.links[h.nip] = Link(h.nip, exact[0].jabatan_id, "exact")
            return
        pool = self.by_opd.get(normalise(h.opd), [])
        if len(exact) > 1:
            self._problem(
                h, exact, out, "TAUTAN_AMBIGU", "beberapa jabatan bernama sama di OPD ini"
            )
            return
        names = [normalise(p.name) for p in pool]
        query = normalise(h.post_name)
        scored = process.extract(query, names, scorer=fuzz.ratio, limit=3)
        best = scored[0][1] if scored else 0.0
        if best >= self.threshold and self._clear(query, [names[i] for _, _, i in scored]):
            post = pool[scored[0][2]]
            out.links[h.nip] = Link(h.nip, post.jabatan_id, "fuzzy", round(float(best), 1))
            return
        ranked = [pool[i] for _, _, i in scored]
        if best >= self.threshold:
            self._problem(h, ranked, out, "TAUTAN_AMBIGU", "lebih dari satu jabatan sama mirip")
        else:
            self._problem(
                h,
                ranked or self._nearest(h),
                out,
                "JABATAN_TIDAK_DI_PETA",
                "jabatannya tidak ada di peta jabatan",
            )

    def _clear(self, query: str, ranked: list[str]) -> bool:
        """The best candidate needs ``margin`` fewer edits (Indel distance: characters inserted
        or deleted) than the second: a typo costs 1-2, another wilayah name several."""
        if len(ranked) < 2:
            return True
        first, second = (Indel.distance(query, name) for name in ranked[:2])
        return second - first >= self.margin

    def _nearest(self, h: Holder) -> list[Post]:
        names = [normalise(p.name) for p in self.posts]
        found = process.extract(normalise(h.post_name), names, scorer=fuzz.ratio, limit=3)
        return [self.posts[i] for _, _, i in found]

    def _problem(self, h: Holder, ranked: list[Post], out: Linking, code: str, why: str) -> None:
        tips = [f"{p.jabatan_id} {p.name} ({p.opd})" for p in ranked[:3]]
        listed = "; ".join(tips) or "-"
        out.issues.append(
            error(
                self.label,
                h.row,
                "JABATAN NAMA",
                code,
                *texts(
                    "TAUTAN_TIDAK_TUNGGAL",
                    name=h.name,
                    nip=h.nip,
                    post_name=shown(h.post_name, 120),
                    why=why,
                    listed=listed,
                ),
            )
        )
        out.pending.append(
            {
                "nip": h.nip,
                "nama": h.name,
                "jabatan_siasn": h.post_name,
                "opd": h.opd or "",
                "masalah": code,
                **{f"saran_{i + 1}": t for i, t in enumerate(tips)},
                "jabatan_id": "",
            }
        )

    def _doubles(self, known: dict[str, Holder], out: Linking, decided: set[str]) -> None:
        by_post: dict[str, list[str]] = defaultdict(list)
        for link in out.links.values():
            by_post[link.jabatan_id].append(link.nip)
        for jid, nips in by_post.items():
            if len(nips) < 2:
                continue
            post = self.by_id[jid]
            for nip in nips:
                if nip in decided:
                    continue
                del out.links[nip]
                h = known[nip]
                others = ", ".join(n for n in nips if n != nip)
                self._problem(
                    h, [post], out, "DUA_PEMEGANG", f"jabatan {jid} juga dipegang {others}"
                )
