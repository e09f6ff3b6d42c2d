"""Field of work (rumpun): of a post from its name and its OPD's urusan, of a person from jurusan,
gelar and the JF they hold, and whether a person's fields fit a post.

Five editable tables (CSV, bundled in ``placement/data/``; a folder with any of them replaces
those, see :func:`load_tables`; documented in docs/rumpun.md):

- ``rumpun_jabatan.csv`` (kata_kunci, rumpun, teknis): keywords of post names, first match wins,
  looked up in the post's own name first, then in its OPD's name. ``teknis`` = the post needs a
  matching field (hard rule RUMPUN_TEKNIS); sekretariat, subbagian, umum, kepegawaian,
  perencanaan and keuangan sub-units are ``tidak``. A post with no keyword is open to every field.
- ``jurusan_rumpun.csv`` (jurusan, rumpun): study programmes; exact, else the longest entry found
  as whole words ("S1 Teknik Sipil" → pekerjaan_umum).
- ``gelar_rumpun.csv`` (gelar, rumpun): degree abbreviations read from the name ("dr." is a
  physician, "Dr." a doctorate: the lowercase ``dr``/``drg``/``drh`` titles match only lowercase).
- ``jf_rumpun.csv`` (kata_kunci, rumpun): JF / pelaksana post names (pegawai ``nama_jabatan``).
- ``rumpun_cocok.csv`` (rumpun_jabatan, rumpun_pegawai): which person fields a post field accepts
  besides its own (keuangan accepts ekonomi, ...).

The schema has no job history: past posts do not count yet (only the current JF name).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
TABLE_FILES: tuple[str, ...] = (
    "rumpun_jabatan.csv",
    "jurusan_rumpun.csv",
    "gelar_rumpun.csv",
    "jf_rumpun.csv",
    "rumpun_cocok.csv",
)
GENERAL = "umum"  # post field open to every person field
_LOWER_ONLY = frozenset({"dr", "drg", "drh"})  # "Dr." is a doctorate, "dr." a physician
# Titles that study programmes of different fields award (S.IP.: ilmu politik, pemerintahan and
# ilmu perpustakaan; S.T., M.T., M.Eng.: civil, informatics, environmental ... engineering): they
# count only when the jurusan is not in the table (an S.T. in Teknik Sipil is not informatics).
_SHARED = frozenset({"sip", "st", "mt", "meng"})


def norm(text: object) -> str:
    """Lower-case, single-spaced text ('' for missing)."""
    if text is None or text != text:  # None, NaN, <NA> (NA != NA is NA: falsy)
        return ""
    try:
        return " ".join(str(text).lower().replace("_", " ").split())
    except TypeError:
        return ""


def _field(text: object) -> str:
    """A field name as written in the tables: lower-case, trimmed (underscores kept)."""
    return "_".join(str(text or "").lower().split())


def _words(key: str) -> re.Pattern[str]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
    _LITERAL[pattern] = key
    return pattern


# The keyword of each _words pattern: a pattern can only match text holding it, and ``in`` is
# far cheaper than the regex (rumpun look-ups try every keyword on every post and person).
_LITERAL: dict[re.Pattern[str], str] = {}


def _hit(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)`` for a _words pattern, the keyword looked for first."""
    return _LITERAL[pattern] in text and pattern.search(text) is not None


def _title_key(token: str) -> str:
    """Lower-case, without dots and white space (split() drops what the regex \\s matches)."""
    return "".join(token.split()).replace(".", "").lower()


@dataclass(frozen=True)
class Tables:
    """The five tables, parsed."""

    post: tuple[tuple[str, re.Pattern[str], str, bool], ...]  # keyword, pattern, field, teknis
    major: tuple[tuple[str, str], ...]  # normalised jurusan, longest first
    major_patterns: tuple[tuple[re.Pattern[str], str], ...]
    title: dict[str, str]  # _title_key → field
    jf: tuple[tuple[re.Pattern[str], str], ...]
    accepts: dict[str, frozenset[str]]  # post field → person fields (own field included)
    fields: tuple[str, ...]  # every field named in the tables, sorted

    def accepted(self, post_field: str) -> frozenset[str]:
        """Person fields a post field accepts (itself and rumpun_cocok.csv)."""
        return self.accepts.get(post_field, frozenset({post_field}))


def _rows(folder: str, name: str, file_override: str = "") -> list[dict[str, str]]:
    own = Path(file_override) if file_override else Path(folder) / name if folder else None
    file = own if own is not None and own.is_file() else DATA / name
    with file.open(encoding="utf-8-sig") as fh:
        return [
            {k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(fh)
        ]


@cache
def load_tables(folder: str = "", jurusan: str = "") -> Tables:
    """Tables from ``folder`` where it has the file, else the bundled ones (memoised);
    ``jurusan`` names a replacement jurusan table file."""
    post = tuple(
        (key, _words(key), _field(r["rumpun"]), norm(r["teknis"]) in ("ya", "y", "1"))
        for r in _rows(folder, "rumpun_jabatan.csv")
        if (key := norm(r["kata_kunci"])) and _field(r["rumpun"])
    )
    major = sorted(
        (
            (norm(r["jurusan"]), _field(r["rumpun"]))
            for r in _rows(folder, "jurusan_rumpun.csv", jurusan)
        ),
        key=lambda r: -len(r[0]),
    )
    title = {_title_key(r["gelar"]): _field(r["rumpun"]) for r in _rows(folder, "gelar_rumpun.csv")}
    jf = tuple(
        (_words(norm(r["kata_kunci"])), _field(r["rumpun"])) for r in _rows(folder, "jf_rumpun.csv")
    )
    pairs = [
        (_field(r["rumpun_jabatan"]), _field(r["rumpun_pegawai"]))
        for r in _rows(folder, "rumpun_cocok.csv")
    ]
    fields = sorted(
        {f for _, _, f, _ in post}
        | {f for _, f in major}
        | set(title.values())
        | {f for _, f in jf}
        | {f for p in pairs for f in p}
    )
    accepts = {f: frozenset({f} | {b for a, b in pairs if a == f}) for f in fields}
    majors = tuple(r for r in major if r[0] and r[1])
    return Tables(
        tuple(post),
        majors,
        tuple((_words(j), f) for j, f in majors),
        title,
        jf,
        accepts,
        tuple(f for f in fields if f),
    )


# --- posts ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostField:
    """Field of one post, whether it is technical, and the keyword that decided it."""

    field: str  # '' = no keyword found: open to every field
    technical: bool
    keyword: str  # '' none
    source: str  # "nama" | "opd" | ""


def _first(text: str, tables: Tables) -> tuple[str, str, bool] | None:
    """(keyword, field, technical) of the first keyword of rumpun_jabatan.csv found in text."""
    for key, pattern, fld, technical in tables.post:
        # ``key in text`` first (the pattern's own keyword, see _hit), inline: this loop runs for
        # every keyword on every post.
        if key in text and pattern.search(text) is not None:
            return key, fld, technical
    return None


def related(a: str, b: str, tables: Tables) -> bool:
    """Whether two post fields are the same or one accepts the other (rumpun_cocok.csv)."""
    return a == b or b in tables.accepted(a) or a in tables.accepted(b)


def post_field(name: object, opd: object, tables: Tables) -> PostField:
    """First keyword of rumpun_jabatan.csv in the post's name, else in its OPD's name.

    A post whose own name is technical is technical only in an OPD of a related field (or one
    with no field): the sector sub-units of Bappeda or a Sekretariat ("Sub Bidang Pertanian",
    "Bagian Hukum"), the finance sections of an RSUD or the Seksi Industri Hasil Hutan of a
    Dinas Perdagangan keep their field but are scored, not refused (a ``teknis`` column
    overrides)."""
    return _post_field(norm(name), norm(opd), tables, {})


def _post_field(
    name: str, opd: str, tables: Tables, seen: dict[str, tuple[str, str, bool] | None]
) -> PostField:
    """:func:`post_field` of normalised texts; ``seen``: first keyword per text looked up so far
    (the OPD names repeat)."""
    if opd not in seen:
        seen[opd] = _first(opd, tables)
    unit = seen[opd]
    own = _first(name, tables)
    if own is not None:
        key, fld, technical = own
        if unit is not None and not related(fld, unit[1], tables):
            technical = False
        return PostField(fld, technical and fld != GENERAL, key, "nama")
    if unit is not None:
        key, fld, technical = unit
        return PostField(fld, technical and fld != GENERAL, key, "opd")
    return PostField("", False, "", "")


def post_fields(names: Iterable[object], opds: Iterable[object], tables: Tables) -> list[PostField]:
    """:func:`post_field` per post (each distinct name and OPD looked up once)."""
    memo: dict[tuple[str, str], PostField] = {}
    seen: dict[str, tuple[str, str, bool] | None] = {}
    out = []
    for n, o in zip(names, opds, strict=True):
        key = (norm(n), norm(o))
        if key not in memo:
            memo[key] = _post_field(*key, tables, seen)
        out.append(memo[key])
    return out


# --- people --------------------------------------------------------------------------------------


def titles(name: object) -> list[str]:
    """Academic titles of a name with titles ("dr. Siti, S.K.M., M.Kes." → dr., S.K.M., M.Kes.):
    the dotted words before the name and every comma-separated part after it."""
    text = "" if name is None or name != name else str(name)
    head, _, tail = text.partition(",")
    front = [w for w in head.split() if w.endswith(".") or _title_key(w) in _LOWER_ONLY]
    back = [t.strip() for t in tail.split(",") if t.strip()]
    return [*front, *back]


def title_fields(name: object, tables: Tables, known_major: bool = False) -> set[str]:
    """Fields of the degree titles found in a name (``known_major``: the person's jurusan is in
    the table, so a title several fields award, S.IP., says nothing more)."""
    out: set[str] = set()
    for token in titles(name):
        key = _title_key(token)
        if known_major and key in _SHARED:
            continue
        if key in _LOWER_ONLY and token.strip(".") != token.strip(".").lower():
            continue  # "Dr." / "DR." is a doctorate, not a physician
        fld = tables.title.get(key)
        if fld:
            out.add(fld)
    return out


def major_field(major: object, tables: Tables) -> str:
    """Field of a jurusan: exact entry, else the longest entry found as whole words; ''."""
    text = norm(major)
    if not text:
        return ""
    exact = dict(tables.major)
    if text in exact:
        return exact[text]
    return next((f for p, f in tables.major_patterns if _hit(p, text)), "")


def jf_field(post_name: object, tables: Tables) -> str:
    """Field of a JF / pelaksana post name (first keyword of jf_rumpun.csv); ''."""
    text = norm(post_name)
    return next((f for p, f in tables.jf if _hit(p, text)), "") if text else ""


def person_fields(major: object, name: object, post_name: object, tables: Tables) -> frozenset[str]:
    """Every field a person's record shows: jurusan, degree titles, current JF name."""
    by_major = major_field(major, tables)
    found = {by_major, jf_field(post_name, tables)} | title_fields(name, tables, bool(by_major))
    return frozenset(found - {"", GENERAL})


def people_fields(
    majors: Sequence[object], names: Sequence[object], post_names: Sequence[object], tables: Tables
) -> list[frozenset[str]]:
    """:func:`person_fields` per person (each distinct jurusan, title list and JF name looked
    up once)."""
    by_major: dict[str, str] = {}
    by_titles: dict[tuple[tuple[str, ...], bool], set[str]] = {}
    by_jf: dict[str, str] = {}
    out = []
    for m, n, p in zip(majors, names, post_names, strict=True):
        major, jf, found = norm(m), norm(p), titles(n)
        if major not in by_major:
            by_major[major] = major_field(major, tables)
        key = (tuple(found), bool(by_major[major]))
        if jf not in by_jf:
            by_jf[jf] = jf_field(jf, tables)
        if key not in by_titles:
            by_titles[key] = title_fields(", ".join(["x", *found]), tables, key[1])
        out.append(frozenset(({by_major[major], by_jf[jf]} | by_titles[key]) - {"", GENERAL}))
    return out


def fits(post: str, person: Iterable[str], tables: Tables) -> bool:
    """Whether a person with these fields fits a post field ('' and umum fit everyone)."""
    if post in ("", GENERAL):
        return True
    return bool(tables.accepted(post) & set(person))


__all__ = [
    "GENERAL",
    "TABLE_FILES",
    "PostField",
    "Tables",
    "fits",
    "jf_field",
    "load_tables",
    "major_field",
    "norm",
    "people_fields",
    "person_fields",
    "post_field",
    "post_fields",
    "related",
    "title_fields",
    "titles",
]
