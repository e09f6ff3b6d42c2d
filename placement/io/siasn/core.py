"""The import: SIASN export + peta jabatan + side files → the canonical template tables, with
every link, dropped row, label mapping and problem listed (:func:`import_siasn`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from placement.domain import grades
from placement.domain.errors import Issue, error, has_errors, shown
from placement.domain.grades import JenisJabatan
from placement.domain.messages import Where, issue
from placement.domain.schema import JABATAN, PEGAWAI, STANDAR_KOMPETENSI, header_key, header_map
from placement.io.siasn.headers import PETA_EXTRA, SIASN_KEYS, SIDE_HEADERS, key_table
from placement.io.siasn.labels import (
    STRUKTURAL,
    TABLES,
    Labels,
    full_name,
    jenjang_from_name,
    merge_map,
    valid_target,
)
from placement.io.siasn.link import (
    FUZZY_MARGIN,
    FUZZY_THRESHOLD,
    Holder,
    Linker,
    Linking,
    Post,
)
from placement.io.siasn.read import Rows, read_rows
from placement.io.siasn.sides import (
    HUKDIS_OPEN_MONTHS,
    Side,
    read_hukdis,
    read_jobfit,
    read_kinerja,
    read_kompetensi,
    read_riwayat,
    read_talenta,
    unknown_label,
)
from placement.io.siasn.unor import UnorResolver
from placement.io.siasn.values import ValueProblemError, iso_date, read_nip

ACTIVE = "Aktif"
_PLT = re.compile(r"^\s*(plt|plh|pelaksana tugas|pelaksana harian)\b\.?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ImportOptions:
    """The files of one import and its parameters."""

    siasn: Path
    jabatan: Path
    plan_date: date
    standar: Path | None = None
    kompetensi: Path | None = None
    talenta: Path | None = None
    kinerja: Path | None = None
    hukdis: Path | None = None
    riwayat: Path | None = None
    jobfit: Path | None = None
    label_map: Path | None = None
    unor_map: Path | None = None
    tautan: Path | None = None
    threshold: float = FUZZY_THRESHOLD
    margin: float = FUZZY_MARGIN
    hukdis_months: int = HUKDIS_OPEN_MONTHS


@dataclass
class ImportResult:
    """The template tables and everything the report lists."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    links: list[dict[str, object]] = field(default_factory=list)
    dropped: list[dict[str, str]] = field(default_factory=list)
    pending: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    labels: Labels = field(default_factory=Labels)
    validation: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors([*self.issues, *self.validation])

    def link_counts(self) -> dict[str, int]:
        out = {m: 0 for m in ("nip", "id", "exact", "fuzzy", "planner")}
        for link in self.links:
            out[str(link["metode"])] = out.get(str(link["metode"]), 0) + 1
        out["tidak_tertaut"] = len(self.pending)
        return out


@dataclass
class _Person:
    """One SIASN row being read."""

    row: int
    nip: str
    values: dict[str, str]
    kind: str  # STRUKTURAL / FUNGSIONAL / PELAKSANA
    active: bool
    post_name: str
    plt: bool = False
    cpns: bool = False


def import_siasn(opts: ImportOptions) -> ImportResult:
    """Run the import (nothing written; see :func:`placement.io.siasn.write_import`)."""
    result = ImportResult()
    _label_map(opts.label_map, result)
    siasn = read_rows(opts.siasn, SIASN_KEYS)
    result.counts["siasn"] = len(siasn.records)
    _check_headers(siasn, result)
    people = _people(siasn, result)
    peta = read_rows(
        opts.jabatan,
        {**header_map(JABATAN), **key_table(PETA_EXTRA)},
        _sheet(opts.jabatan, "jabatan"),
    )
    result.counts["jabatan"] = len(peta.records)
    posts = _posts(peta, result)
    resolver = UnorResolver([p.opd for p in posts], _pairs(opts.unor_map, "unor", "opd"))
    units = _units(siasn, people, resolver, result)
    decisions = _pairs(opts.tautan, "nip", "jabatan_id")
    linking = _link(opts, siasn, peta, posts, people, units, decisions)
    result.issues.extend(linking.issues)
    result.pending.extend(linking.pending)
    active = {p.nip for p in people if p.active}
    post_by_id = {p.jabatan_id: p for p in posts}
    kinds = {str(r.get("jenis_jabatan", "")): r for r in peta.records}
    del kinds
    peta_kind = {r.get("jabatan_id", ""): r.get("jenis_jabatan", "") for r in peta.records}
    rows = _pegawai_rows(people, units, linking, peta_kind, siasn.label, result)
    for link in linking.links.values():
        if link.nip in active:
            post = post_by_id[link.jabatan_id]
            result.links.append(
                {
                    "nip": link.nip,
                    "jabatan_id": link.jabatan_id,
                    "nama_jabatan": post.name,
                    "opd": post.opd,
                    "metode": link.method,
                    "skor": link.score,
                }
            )
    sides = _sides(opts, active, rows, result)
    for side in sides:
        result.issues.extend(side.issues)
        result.dropped.extend(side.dropped)
        result.counts[side.name] = side.read
        for nip, values in side.values.items():
            if nip in rows:  # else the person has an error reported already
                rows[nip].update(values)
    komp = next((s.long for s in sides if s.name == "kompetensi"), [])
    result.tables = {
        "pegawai": pd.DataFrame(
            list(rows.values()), columns=[c.header for c in PEGAWAI.columns], dtype=object
        ),
        "jabatan": pd.DataFrame(
            peta.records, columns=[c.header for c in JABATAN.columns], dtype=object
        ),
        "kompetensi": pd.DataFrame(komp, columns=["nip", "kompetensi", "level"], dtype=object),
        "standar_kompetensi": _standar(opts, result),
    }
    return result


def _sheet(path: Path, name: str) -> str | None:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return name if header_key(name) in {header_key(n) for n in book.sheetnames} else None
    finally:
        book.close()


def _label_map(path: Path | None, result: ImportResult) -> None:
    if path is None:
        return
    rows = read_rows(path, key_table(SIDE_HEADERS, "kolom", "label", "nilai"))
    for record, row in zip(rows.records, rows.rows, strict=True):
        kolom = header_key(record.get("kolom", ""))
        kolom = next((k for k in TABLES if header_key(k) == kolom), kolom)
        target = valid_target(kolom, record.get("nilai", "")) if kolom in TABLES else None
        if target is None:
            result.issues.append(
                issue(
                    "LABEL_MAP_SALAH",
                    Where(rows.label, row, "nilai"),
                    kolom=shown(record.get("kolom", "")),
                    nilai=shown(record.get("nilai", "")),
                    tables=", ".join(TABLES),
                )
            )
            continue
        merge_map(result.labels, kolom, record.get("label", ""), target)


def _pairs(path: Path | None, key: str, value: str) -> dict[str, str]:
    if path is None:
        return {}
    rows = read_rows(path, key_table(SIDE_HEADERS, key, value))
    out: dict[str, str] = {}
    for record in rows.records:
        k, v = record.get(key, ""), record.get(value, "")
        if k and v:
            out[k] = v
    return out


def _check_headers(siasn: Rows, result: ImportResult) -> None:
    for key in (
        "nip",
        "nama",
        "jenis_pegawai",
        "golongan",
        "jenis_jabatan",
        "jabatan_nama",
        "unor_nama",
        "pendidikan",
    ):
        if not siasn.has(key):
            result.issues.append(
                issue(
                    "KOLOM_WAJIB_TIDAK_ADA",
                    Where(siasn.label, 1, key),
                    "SIASN_KOLOM_TIDAK_ADA",
                    key=key,
                    label=siasn.label,
                )
            )


def _lookup(result: ImportResult, siasn: Rows, row: int, kolom: str, raw: str) -> str | None:
    value = result.labels.lookup(kolom, raw)
    if value is None:
        problem = unknown_label(result.labels, kolom, raw)
        result.issues.append(
            error(siasn.label, row, _column(kolom), problem.code, problem.msg_id, problem.msg_en)
        )
    return value


def _column(kolom: str) -> str:
    from placement.io.siasn.labels import COLUMN_NAMES

    return COLUMN_NAMES.get(kolom, kolom)


def _people(siasn: Rows, result: ImportResult) -> list[_Person]:
    out: list[_Person] = []
    seen: dict[str, int] = {}
    for record, row in zip(siasn.records, siasn.rows, strict=True):
        try:
            nip = read_nip(record.get("nip", ""), (row, "nip") in siasn.numeric)
        except ValueProblemError as exc:
            result.issues.append(
                error(siasn.label, row, "NIP BARU", exc.code, exc.msg_id, exc.msg_en)
            )
            continue
        if nip in seen:
            result.issues.append(
                issue(
                    "NIP_GANDA",
                    Where(siasn.label, row, "NIP BARU"),
                    "SIASN_NIP_GANDA",
                    nip=nip,
                    seen=seen[nip],
                )
            )
            continue
        seen[nip] = row
        person = _person(siasn, record, row, nip, result)
        if person is not None:
            out.append(person)
    return out


def _person(
    siasn: Rows, record: dict[str, str], row: int, nip: str, result: ImportResult
) -> _Person | None:
    kedudukan = record.get("kedudukan", "") or ACTIVE
    state = _lookup(result, siasn, row, "kedudukan", kedudukan)
    kind = _lookup(result, siasn, row, "jenis_jabatan", record.get("jenis_jabatan", ""))
    status = _lookup(result, siasn, row, "jenis_pegawai", record.get("jenis_pegawai", ""))
    cpns_raw = record.get("status_cpns", "")
    cpns = status == "CPNS" or (
        bool(cpns_raw) and _lookup(result, siasn, row, "status_cpns", cpns_raw) == "CPNS"
    )
    if state is None or kind is None or status is None:
        return None
    post_name = record.get("jabatan_nama", "")
    plt = bool(_PLT.match(post_name))
    if kind in {j.value for j in grades.STRUCTURAL_TYPES}:
        kind = STRUKTURAL
    values = _values(siasn, record, row, nip, "CPNS" if cpns else status, result)
    if values is None:
        return None
    person = _Person(row, nip, values, kind, state == ACTIVE, post_name, plt, cpns)
    if not person.active:
        result.dropped.append(
            {
                "file": siasn.label,
                "row": str(row),
                "nip": nip,
                "alasan": f"kedudukan hukum '{kedudukan}' (tidak aktif)",
            }
        )
        result.issues.append(
            issue(
                "TIDAK_AKTIF",
                Where(siasn.label, row, "KEDUDUKAN HUKUM NAMA"),
                nama=values["nama"],
                nip=nip,
                kedudukan=shown(kedudukan),
            )
        )
    if cpns:
        result.issues.append(
            issue("CPNS", Where(siasn.label, row, "STATUS CPNS PNS"), nama=values["nama"], nip=nip)
        )
    return person


def _values(
    siasn: Rows, record: dict[str, str], row: int, nip: str, status: str, result: ImportResult
) -> dict[str, str] | None:
    """Template values of one SIASN row (jabatan, jenis, unit filled later)."""
    gender = "L" if nip[14] == "1" else "P"
    coded = record.get("jenis_kelamin", "")
    if coded:
        given = _lookup(result, siasn, row, "jenis_kelamin", coded)
        if given is not None and given != gender:
            result.issues.append(
                issue(
                    "JENIS_KELAMIN_BEDA",
                    Where(siasn.label, row, "JENIS KELAMIN"),
                    coded=shown(coded),
                    nip=nip,
                    gender=gender,
                )
            )
    education = _lookup(result, siasn, row, "pendidikan", record.get("pendidikan", ""))
    try:
        dates = {
            k: iso_date(record.get(k, "")) for k in ("tanggal_lahir", "tmt_golongan", "tmt_jabatan")
        }
    except ValueProblemError as exc:
        result.issues.append(error(siasn.label, row, None, exc.code, exc.msg_id, exc.msg_en))
        return None
    if education is None:
        return None
    induk, kerja = record.get("instansi_induk", ""), record.get("instansi_kerja", "")
    return {
        "nip": nip,
        "nama": full_name(
            record.get("nama", ""), record.get("gelar_depan", ""), record.get("gelar_belakang", "")
        ),
        "tanggal_lahir": dates["tanggal_lahir"],
        "jenis_kelamin": gender,
        "status_kepegawaian": status,
        "gol_ruang": record.get("golongan", ""),
        "tmt_golongan": dates["tmt_golongan"],
        "unit_kerja": "",
        "tmt_jabatan": dates["tmt_jabatan"],
        "pendidikan": education,
        "jurusan": record.get("jurusan", ""),
        "instansi": kerja if kerja and header_key(kerja) != header_key(induk) else "",
    }


def _posts(peta: Rows, result: ImportResult) -> list[Post]:
    out = []
    for record, row in zip(peta.records, peta.rows, strict=True):
        holder = record.get("holder_nip", "")
        if holder:
            try:
                holder = read_nip(holder, (row, "holder_nip") in peta.numeric)
            except ValueProblemError as exc:
                result.issues.append(
                    error(peta.label, row, "nip", exc.code, exc.msg_id, exc.msg_en)
                )
                holder = ""
        out.append(
            Post(
                record.get("jabatan_id", ""),
                record.get("nama_jabatan", ""),
                record.get("unit_kerja", ""),
                row,
                holder,
                record.get("siasn_jabatan_id", ""),
                record.get("siasn_unor_id", ""),
            )
        )
    return out


def _units(
    siasn: Rows, people: list[_Person], resolver: UnorResolver, result: ImportResult
) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    record_of = dict(zip(siasn.rows, siasn.records, strict=True))
    for p in people:
        chain = record_of[p.row].get("unor_nama", "")
        unit = resolver.resolve(chain)
        out[p.nip] = None if unit is None else unit.opd
        if unit is None and p.active:
            tips = ", ".join(resolver.suggestions(chain))
            result.issues.append(
                issue(
                    "OPD_TIDAK_DIKENAL",
                    Where(siasn.label, p.row, "UNOR NAMA"),
                    chain=shown(chain, 80),
                    tips=tips,
                )
            )
    return out


def _link(
    opts: ImportOptions,
    siasn: Rows,
    peta: Rows,
    posts: list[Post],
    people: list[_Person],
    units: dict[str, str | None],
    decisions: dict[str, str],
) -> Linking:
    record_of = dict(zip(siasn.rows, siasn.records, strict=True))
    known: dict[str, Holder] = {}
    holders: list[Holder] = []
    for p in people:
        rec = record_of[p.row]
        h = Holder(
            p.nip,
            full_name(rec.get("nama", ""), "", ""),
            p.post_name,
            units[p.nip],
            p.row,
            rec.get("jabatan_id", ""),
            rec.get("unor_id", ""),
        )
        known[p.nip] = h
        if p.kind == STRUKTURAL and not p.plt:
            holders.append(h)
    linker = Linker(posts, siasn.label, peta.label, opts.threshold, opts.margin)
    return linker.run(holders, known, {k: v for k, v in decisions.items() if k in known})


def _pegawai_rows(
    people: list[_Person],
    units: dict[str, str | None],
    linking: Linking,
    peta_kind: dict[str, str],
    label: str,
    result: ImportResult,
) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for p in people:
        link = linking.links.get(p.nip)
        if not p.active:
            if link is not None:
                result.issues.append(
                    issue(
                        "JABATAN_DITULIS_LOWONG",
                        Where(label, p.row, "JABATAN NAMA"),
                        nama=p.values["nama"],
                        jabatan_id=link.jabatan_id,
                    )
                )
            continue
        values = dict(p.values, unit_kerja=units[p.nip] or "")
        kind = p.kind
        if p.plt:
            result.issues.append(
                issue(
                    "PLT_TIDAK_MENDUDUKI",
                    Where(label, p.row, "JABATAN NAMA"),
                    nama=p.values["nama"],
                    post_name=shown(p.post_name),
                )
            )
            if kind == STRUKTURAL:
                kind = JenisJabatan.PELAKSANA.value
        if link is not None:
            jenis = grades.normalize_jenis(peta_kind.get(link.jabatan_id, ""))
            values.update(
                jabatan_id=link.jabatan_id,
                jenis_jabatan=jenis.value if jenis else "",
                nama_jabatan="",
            )
        elif kind == STRUKTURAL:
            if p.nip in linking.no_post:
                result.issues.append(
                    issue(
                        "TANPA_JABATAN", Where(label, p.row, "JABATAN NAMA"), nama=p.values["nama"]
                    )
                )
                values.update(jenis_jabatan="PELAKSANA", nama_jabatan=p.post_name)
            else:
                if (
                    not any(
                        i.row == p.row and i.file == label and i.code in _LINK_CODES
                        for i in linking.issues
                    )
                    and units[p.nip] is not None
                ):
                    result.issues.append(
                        issue(
                            "STRUKTURAL_TANPA_TAUTAN",
                            Where(label, p.row, "JABATAN NAMA"),
                            nama=p.values["nama"],
                        )
                    )
                continue
        else:
            values.update(jenis_jabatan=kind, nama_jabatan=p.post_name)
            if kind == JenisJabatan.FUNGSIONAL.value:
                jenjang = jenjang_from_name(p.post_name)
                if jenjang is None:
                    result.issues.append(
                        issue(
                            "JENJANG_TIDAK_DIKETAHUI",
                            Where(label, p.row, "JABATAN NAMA"),
                            post_name=shown(p.post_name),
                        )
                    )
                values["jenjang"] = jenjang or ""
        rows[p.nip] = values
    return rows


_LINK_CODES = frozenset({"TAUTAN_AMBIGU", "JABATAN_TIDAK_DI_PETA", "DUA_PEMEGANG"})


def _sides(
    opts: ImportOptions, active: set[str], rows: dict[str, dict[str, str]], result: ImportResult
) -> list[Side]:
    people = active
    out: list[Side] = []
    if opts.kompetensi is not None:
        out.append(read_kompetensi(opts.kompetensi, people))
    if opts.talenta is not None:
        out.append(read_talenta(opts.talenta, people, result.labels))
    if opts.kinerja is not None:
        out.append(read_kinerja(opts.kinerja, people, result.labels, opts.plan_date))
    if opts.hukdis is not None:
        out.append(
            read_hukdis(opts.hukdis, people, result.labels, opts.plan_date, opts.hukdis_months)
        )
    if opts.riwayat is not None:
        levels = {nip: _level(v) for nip, v in rows.items()}
        out.append(read_riwayat(opts.riwayat, people, result.labels, levels))
    if opts.jobfit is not None:
        out.append(read_jobfit(opts.jobfit, people, result.labels))
    return out


def _level(values: dict[str, str]) -> int:
    jenis = grades.normalize_jenis(values.get("jenis_jabatan", ""))
    return -1 if jenis is None else grades.level_of(jenis, values.get("jenjang") or None)


def _standar(opts: ImportOptions, result: ImportResult) -> pd.DataFrame:
    columns = [c.header for c in STANDAR_KOMPETENSI.columns]
    source = opts.standar
    sheet = None
    if source is None and _sheet(opts.jabatan, "standar_kompetensi"):
        source, sheet = opts.jabatan, "standar_kompetensi"
    if source is None:
        return pd.DataFrame(columns=columns, dtype=object)
    rows = read_rows(source, header_map(STANDAR_KOMPETENSI), sheet)
    result.counts["standar"] = len(rows.records)
    return pd.DataFrame(rows.records, columns=columns, dtype=object)
