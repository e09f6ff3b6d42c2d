"""Side files keyed by NIP: kompetensi (long / wide / JPM only), talenta, kinerja, hukdis,
riwayat jabatan, job fit. Each reader returns per-NIP values and located issues; a row whose NIP
is not in the SIASN export is dropped and listed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from placement.domain import grades
from placement.domain.dates import shift_months
from placement.domain.errors import Issue, error, shown
from placement.domain.grades import JenisJabatan
from placement.domain.messages import Where, issue, texts
from placement.domain.schema import MANAGERIAL_COMPETENCIES, header_key
from placement.io.siasn.headers import SIDE_HEADERS, key_table
from placement.io.siasn.labels import (
    STRUKTURAL,
    Labels,
    jenjang_from_name,
    label_key,
    structural_from,
)
from placement.io.siasn.read import Rows, read_rows
from placement.io.siasn.values import ValueProblemError, read_date, read_nip

HUKDIS_OPEN_MONTHS = 12


@dataclass
class Side:
    """What one side file gave: per-NIP values, issues, dropped rows (file, row, nip, why)."""

    name: str
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    long: list[dict[str, str]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    dropped: list[dict[str, str]] = field(default_factory=list)
    read: int = 0


def competency_keys() -> dict[str, str]:
    """Header key → canonical competency name, in any spelling ("Kerja Sama", "KERJASAMA",
    "pengembangan_diri_&_orang_lain")."""
    out: dict[str, str] = {}
    for name in MANAGERIAL_COMPETENCIES:
        out[header_key(name)] = name
        out[header_key(name.replace(" dan ", " "))] = name
    return out


def _rows(side: Side, path: Path, keys: dict[str, str]) -> Rows:
    rows = read_rows(path, keys)
    side.read = len(rows.records)
    return rows


def _need(side: Side, rows: Rows, *keys: str) -> bool:
    missing = [k for k in keys if not rows.has(k)]
    for k in missing:
        side.issues.append(
            issue(
                "KOLOM_WAJIB_TIDAK_ADA",
                Where(rows.label, 1, k),
                "SIASN_KOLOM_SISI_TIDAK_ADA",
                column=k,
                label=rows.label,
                accepted=", ".join(SIDE_HEADERS.get(k, (k,))),
            )
        )
    return not missing


def _each(
    side: Side, rows: Rows, people: set[str], handle: Callable[[str, dict[str, str], int], None]
) -> None:
    """Call ``handle(nip, record, row)`` for rows whose NIP reads and is in SIASN."""
    for record, row in zip(rows.records, rows.rows, strict=True):
        raw = record.get("nip", "")
        try:
            nip = read_nip(raw, (row, "nip") in rows.numeric)
        except ValueProblemError as exc:
            side.issues.append(error(rows.label, row, "nip", exc.code, exc.msg_id, exc.msg_en))
            continue
        if nip not in people:
            side.dropped.append(
                {
                    "file": rows.label,
                    "row": str(row),
                    "nip": nip,
                    "alasan": "NIP tidak ada di ekspor SIASN (atau tidak aktif)",
                }
            )
            side.issues.append(issue("NIP_TIDAK_DI_SIASN", Where(rows.label, row, "nip"), nip=nip))
            continue
        try:
            handle(nip, record, row)
        except ValueProblemError as exc:
            side.issues.append(error(rows.label, row, None, exc.code, exc.msg_id, exc.msg_en))


def _label(labels: Labels, kolom: str, raw: str) -> str:
    value = labels.lookup(kolom, raw)
    if value is None:
        raise unknown_label(labels, kolom, raw)
    return value


def unknown_label(labels: Labels, kolom: str, raw: str) -> ValueProblemError:
    """The located error of an unknown label, with the known choices (the label is recorded in
    ``labels.unknown`` for the web page's mapping form)."""
    labels.unknown.add((kolom, raw))
    choices = ", ".join(labels.choices(kolom))
    return ValueProblemError(
        "LABEL_TIDAK_DIKENAL",
        *texts("ALASAN_LABEL_SIASN", raw=shown(raw, 40), kolom=kolom, choices=choices),
    )


def _once(side: Side, seen: set[object], key: object, rows: Rows, row: int, what: str) -> bool:
    if key in seen:
        side.issues.append(
            issue(
                "NIP_GANDA",
                Where(rows.label, row, "nip"),
                "SIASN_BARIS_GANDA",
                what=what,
                label=rows.label,
            )
        )
        return False
    seen.add(key)
    return True


def read_kompetensi(path: Path, people: set[str]) -> Side:
    """Long (nip, kompetensi, level), wide (one column per competency) or JPM only."""
    side = Side("kompetensi")
    comp = competency_keys()
    keys = {**key_table(SIDE_HEADERS, "nip", "kompetensi", "level", "jpm", "kategori"), **comp}
    rows = _rows(side, path, keys)
    if rows.has("jpm") and not rows.has("kompetensi"):
        _jpm_only(side, rows, people)
        return side
    wide = [k for k in rows.keys if k in MANAGERIAL_COMPETENCIES]
    if not rows.has("kompetensi") and not wide:
        _need(side, rows, "nip", "kompetensi", "level")
        return side
    if not _need(side, rows, "nip"):
        return side
    seen: set[object] = set()

    def long(nip: str, record: dict[str, str], row: int) -> None:
        raw = record.get("kompetensi", "")
        name = comp.get(label_key(raw), raw)
        if _once(side, seen, (nip, name), rows, row, f"NIP {nip} kompetensi '{shown(name)}'"):
            side.long.append({"nip": nip, "kompetensi": name, "level": record.get("level", "")})

    def spread(nip: str, record: dict[str, str], row: int) -> None:
        if _once(side, seen, nip, rows, row, f"NIP {nip}"):
            for name in wide:
                if record.get(name, ""):
                    side.long.append({"nip": nip, "kompetensi": name, "level": record[name]})

    _each(side, rows, people, spread if wide and not rows.has("kompetensi") else long)
    return side


def _jpm_only(side: Side, rows: Rows, people: set[str]) -> None:
    """JPM % per NIP (the kategori column is not used: the region's thresholds decide it)."""
    seen: set[object] = set()
    side.issues.append(issue("JPM_SAJA", Where(rows.label, column="jpm")))

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        if _once(side, seen, nip, rows, row, f"NIP {nip}"):
            side.values[nip] = {"jpm": record.get("jpm", "").rstrip("%").strip()}

    _each(side, rows, people, handle)


def read_talenta(path: Path, people: set[str], labels: Labels) -> Side:
    """(nip, kotak) or (nip, kinerja, potensi) → kotak by the diagonal numbering."""
    side = Side("talenta")
    rows = _rows(side, path, key_table(SIDE_HEADERS, "nip", "kotak", "kinerja", "potensi"))
    if not _need(side, rows, "nip", *(() if rows.has("kotak") else ("kinerja", "potensi"))):
        return side
    from placement.io.siasn.labels import BOX

    seen: set[object] = set()

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        if not _once(side, seen, nip, rows, row, f"NIP {nip}"):
            return
        box = record.get("kotak", "")
        if not box:
            kin = _label(labels, "kinerja", record.get("kinerja", ""))
            pot = _label(labels, "potensi", record.get("potensi", ""))
            box = str(BOX[(pot, kin)])
        side.values[nip] = {"kotak_talenta": box}

    _each(side, rows, people, handle)
    return side


def read_kinerja(path: Path, people: set[str], labels: Labels, plan_date: date) -> Side:
    """e-Kinerja rows (nip, tahun, predikat): the two years before the plan date's year."""
    side = Side("kinerja")
    rows = _rows(side, path, key_table(SIDE_HEADERS, "nip", "tahun", "predikat"))
    if not _need(side, rows, "nip", "tahun", "predikat"):
        return side
    seen: set[object] = set()
    wanted = {
        str(plan_date.year - 1): "predikat_kinerja_1",
        str(plan_date.year - 2): "predikat_kinerja_2",
    }

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        year = record.get("tahun", "").split(".")[0]
        if not _once(side, seen, (nip, year), rows, row, f"NIP {nip} tahun {year}"):
            return
        if year in wanted:
            value = _label(labels, "predikat", record.get("predikat", ""))
            side.values.setdefault(nip, {})[wanted[year]] = value

    _each(side, rows, people, handle)
    return side


def read_hukdis(
    path: Path, people: set[str], labels: Labels, plan_date: date, open_months: int
) -> Side:
    """(nip, tingkat, tmt mulai, tmt selesai): per NIP the sanction that started by the plan
    date and ends last; no end date = ``open_months`` months after the start."""
    side = Side("hukdis")
    rows = _rows(side, path, key_table(SIDE_HEADERS, "nip", "tingkat", "tmt_mulai", "tmt_selesai"))
    if not _need(side, rows, "nip", "tingkat"):
        return side
    best: dict[str, date] = {}

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        level = _label(labels, "hukdis", record.get("tingkat", ""))
        start = read_date(record["tmt_mulai"]) if record.get("tmt_mulai") else None
        if record.get("tmt_selesai"):
            end = read_date(record["tmt_selesai"])
        elif start is not None:
            end = shift_months(start, open_months)
            side.issues.append(
                issue(
                    "HUKDIS_TANPA_SELESAI",
                    Where(rows.label, row, "tmt_selesai"),
                    nip=nip,
                    open_months=open_months,
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            )
        else:
            raise ValueProblemError(
                "HUKDIS_TANPA_TANGGAL",
                *texts("ALASAN_HUKDIS_TANPA_TANGGAL", nip=nip),
            )
        if start is not None and start > plan_date:
            return
        if nip not in best or end > best[nip]:
            best[nip] = end
            side.values[nip] = {"hukuman_disiplin": level, "tmt_selesai_hukuman": end.isoformat()}

    _each(side, rows, people, handle)
    return side


def read_jobfit(path: Path, people: set[str], labels: Labels) -> Side:
    """(nip, hasil, tanggal): the latest result per NIP."""
    side = Side("jobfit")
    rows = _rows(side, path, key_table(SIDE_HEADERS, "nip", "hasil", "tanggal"))
    if not _need(side, rows, "nip", "hasil"):
        return side
    latest: dict[str, date] = {}

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        value = _label(labels, "job_fit", record.get("hasil", ""))
        when = read_date(record["tanggal"]) if record.get("tanggal") else date.min
        if nip not in latest or when >= latest[nip]:
            latest[nip] = when
            side.values[nip] = {"job_fit": value}

    _each(side, rows, people, handle)
    return side


def read_riwayat(path: Path, people: set[str], labels: Labels, levels: dict[str, int]) -> Side:
    """Riwayat jabatan (nip, jabatan, jenis, eselon, tmt) → tmt_jenjang: the start of the latest
    unbroken run of posts at the person's current level (``levels``)."""
    side = Side("riwayat")
    rows = _rows(side, path, key_table(SIDE_HEADERS, "nip", "jabatan", "jenis", "eselon", "tmt"))
    if not _need(side, rows, "nip", "jenis", "tmt"):
        return side
    history: dict[str, list[tuple[date, int]]] = {}

    def handle(nip: str, record: dict[str, str], row: int) -> None:
        history.setdefault(nip, []).append(
            (read_date(record.get("tmt", "")), _level(labels, record))
        )

    _each(side, rows, people, handle)
    for nip, items in history.items():
        start = None
        for when, level in sorted(items, reverse=True):
            if level != levels.get(nip):
                break
            start = when
        if start is not None:
            side.values[nip] = {"tmt_jenjang": start.isoformat()}
    return side


def _level(labels: Labels, record: dict[str, str]) -> int:
    kind = _label(labels, "jenis_jabatan", record.get("jenis", ""))
    name = record.get("jabatan", "")
    if kind == STRUKTURAL:
        jenis = structural_from(record.get("eselon", ""), name)
        if jenis is None:
            raise unknown_label(labels, "eselon", record.get("eselon", "") or name)
        return grades.level_of(jenis)
    jenis = JenisJabatan(kind)
    return grades.level_of(
        jenis, jenjang_from_name(name) if jenis is JenisJabatan.FUNGSIONAL else None
    )
