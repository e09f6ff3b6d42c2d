"""The dossier of a plan: the usulan package (pdf, docx: :mod:`placement.report.usulan`) and the
working tables (xlsx, html) for the Tim Penilai Kinerja, the PPK and BKN.

Sheets / sections: Ringkasan, Rencana, Per Jabatan, Alternatif, Lowong, Rantai Kekosongan,
Shortlist JPT, Aturan (legal basis), Persetujuan, Provenans, Lampiran SK; with succession
(``succession=N`` years; off by default because it carries talent data of people outside the
plan, and the dossier goes to BKN) also the succession sheets (``SUCCESSION_SHEETS``: successors,
bench strength, future vacancies, talent map) and a short Suksesi section in html (the pdf /
docx package has none). :func:`write_package` writes several formats computing everything
once. The xlsx sheet ``Rencana`` is the plan table itself, so ``placement audit DATA OUT --plan dossier.xlsx``
checks it. Every writer is atomic and formula-injection safe (``placement.io.writers``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from placement.domain import format_id as fmt_id
from placement.domain.format_id import MONTHS
from placement.domain.model import Dataset
from placement.io.writers import atomic_path, safe_cell, write_xlsx
from placement.plan.explain import (
    BOX_LEGAL_BASIS,
    MoveExplanation,
    alternatives_table,
    explain_moves,
    required_approvals,
)
from placement.report.usulan import Group, Parts, Usulan, build_usulan, daftar
from placement.rules.registry import rule_set

if TYPE_CHECKING:
    from placement.plan.result import Result

SHEETS = (
    "Ringkasan",
    "Rencana",
    "Per Jabatan",
    "Alternatif",
    "Lowong",
    "Rantai Kekosongan",
    "Shortlist JPT",
    "Aturan",
    "Persetujuan",
    "Provenans",
    "Lampiran SK",
)
SUCCESSION_SHEETS = (
    "Info Suksesi",
    "Suksesi",
    "Kekuatan Suksesi",
    "Kekuatan per OPD",
    "Lowong Mendatang",
    "Peta Talenta",
    "Kotak 9",
)
"""Appended after SHEETS when the dossier carries succession (``placement.succession.sheets``;
its ``Info`` sheet is renamed ``Info Suksesi``)."""
SUCCESSION_HORIZON = 2
"""Default succession horizon of the dossier, in years."""
SUCCESSION_PER_POST = (
    "eselon",
    "kritis",
    "pemegang_nip",
    "pemegang_nama",
    "lowong_mulai",
    "alasan_lowong",
)
"""Columns of ``placement succession``'s Suksesi sheet the dossier leaves to Kekuatan Suksesi."""
SECTION_ROWS = 20
"""Rows per table of the html Suksesi section (the xlsx sheets have them all)."""


def tanggal(d: Any) -> str:
    """23 November 2026."""
    ts = pd.Timestamp(d)
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def moves_of(plan: pd.DataFrame) -> pd.DataFrame:
    return plan[plan["jenis_perpindahan"] != "tetap"]


def explanations(ds: Dataset, result: Result) -> list[MoveExplanation]:
    """One explanation per move (not the stays), in plan order."""
    nips = [str(n) for n in moves_of(result.plan)["nip"]]
    return explain_moves(ds, result.scenario, result, nips)


def daftar_of(ds: Dataset, result: Result, exps: list[MoveExplanation]) -> list[Group]:
    """The Daftar usulan of a plan (usulan.daftar), shared by the xlsx Lampiran SK and the
    PDF / Word package."""
    return daftar(ds, result.plan, {e.nip: e for e in exps}, result.chains)


def _per_post(exps: list[MoveExplanation]) -> pd.DataFrame:
    rows = []
    for e in exps:
        failed = [c.rule_id for c in e.checks if not c.passed]
        rows.append(
            {
                "jabatan_id": e.jabatan_tujuan_id,
                "jabatan": e.jabatan_tujuan,
                "opd": e.opd_tujuan,
                "nip": e.nip,
                "nama": e.nama,
                "jabatan_asal_id": e.jabatan_asal_id,
                "jenis_perpindahan": e.move_type,
                "jpm_persen": None
                if e.jpm is None or pd.isna(e.jpm.jpm)
                else round(100 * e.jpm.jpm, 1),
                "kategori_jpm": e.jpm.category_id if e.jpm else None,
                "kotak_talenta": e.talent_box,
                "rekomendasi_kotak": e.box_recommendation_id,
                "aturan_diperiksa": len(e.checks),
                "aturan_gagal": ", ".join(failed),
                "skor": e.total,
                **{f"kontribusi_{t.term}": t.contribution for t in e.terms},
            }
        )
    return pd.DataFrame(rows)


def _rules(result: Result) -> pd.DataFrame:
    rs = rule_set(result.scenario)
    rows = [
        {
            "aturan": r.id,
            "uraian": r.spec.description_id,
            "jenis": r.spec.kind,
            "efek": r.spec.effect,
            "aktif": r.active,
            "dasar_hukum": r.spec.legal_text,
            "parameter": json.dumps(r.params, ensure_ascii=False, default=str),
        }
        for r in rs
    ]
    rows.append(
        {
            "aturan": "KOTAK_TALENTA_REKOMENDASI",
            "uraian": "Rekomendasi per kotak talenta",
            "jenis": "informasi",
            "efek": "",
            "aktif": True,
            "dasar_hukum": BOX_LEGAL_BASIS,
            "parameter": "",
        }
    )
    return pd.DataFrame(rows)


SK_COLUMNS = (
    "no",
    "nama",
    "nip",
    "pangkat_golongan",
    "jabatan_lama",
    "unit_kerja_lama",
    "jabatan_baru",
    "unit_kerja_baru",
    "eselon_jenjang",
    "jenis_perpindahan",
    "keterangan",
)
"""Columns of the xlsx Lampiran SK: the Daftar usulan (usulan.DAFTAR_HEAD) under sheet keys."""


def _sk(groups: list[Group]) -> pd.DataFrame:
    """Lampiran SK: the Daftar usulan rows (grouped by move type and OPD, the old post in words:
    never a dash, so the sheet shows no escaped ``'-``)."""
    rows = [
        dict(zip(SK_COLUMNS, [r.no, *r.cells[1:]], strict=True)) for g in groups for r in g.rows
    ]
    return pd.DataFrame(rows, columns=list(SK_COLUMNS))


def succession_tables(
    ds: Dataset, result: Result, horizon_years: int = SUCCESSION_HORIZON, top: int = 3
) -> dict[str, pd.DataFrame]:
    """The succession sheets of every in-scope post (see SUCCESSION_SHEETS), computed from the
    plan's own eligible pairs (``result.table``) so "siap sekarang" matches the optimiser.

    The ``Suksesi`` sheet lists the ``top`` nearest successors per post (siap sekarang first,
    then siap 1–N tahun, then perlu pengembangan; by rank within each) and leaves out the post
    columns ``Kekuatan Suksesi`` has once per post (holder, eselon, vacancy). The full lists, top
    N per readiness, are ``placement succession --out``: on a kabupaten (~15 000 rows) writing
    them would take longer than the rest of the dossier."""
    from placement.succession.sheets import succession_sheets

    sheets = succession_sheets(
        ds, result.scenario, horizon_years, top=top, pairs=result.table, lang="id"
    )
    renamed = {
        ("Info Suksesi" if name == "Info" else name): frame for name, frame in sheets.items()
    }
    listed = renamed["Suksesi"]  # posts in report order, readiness, rank
    nearest = listed.groupby("jabatan_id", sort=False).head(top)
    renamed["Suksesi"] = nearest.drop(columns=list(SUCCESSION_PER_POST)).reset_index(drop=True)
    return {name: renamed[name] for name in SUCCESSION_SHEETS}


def dossier_tables(
    ds: Dataset,
    result: Result,
    record: dict[str, Any] | None = None,
    k: int = 3,
    exps: list[MoveExplanation] | None = None,
    succession: int | None = None,
    groups: list[Group] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every sheet of the dossier as a frame (see SHEETS), then the succession sheets over a
    horizon of ``succession`` years, ``k`` successors per post and readiness (see
    SUCCESSION_SHEETS; ``succession=None``: none)."""
    sc = result.scenario
    summary = result.summary()
    exps = explanations(ds, result) if exps is None else exps
    approvals = required_approvals(sc, ds, result.plan, result.vacancies)
    ring = [
        ("nama_skenario", sc.nama),
        ("tanggal_rencana", tanggal(sc.tanggal_rencana)),
        ("status", summary["status"]),
        ("backend", summary["backend"]),
        ("objektif", summary["objektif"]),
        ("batas_atas", summary["batas_atas"]),
        ("jabatan_dalam_lingkup", summary["jabatan_dalam_lingkup"]),
        ("jabatan_terisi", summary["jabatan_terisi"]),
        ("jabatan_lowong", summary["jabatan_lowong"]),
        *((f"perpindahan_{t}", n) for t, n in summary["perpindahan"].items()),
        ("rantai_kekosongan", summary["rantai"]),
        ("persetujuan_diperlukan", "; ".join(a.message_id for a in approvals) or "tidak ada"),
    ]
    prov: list[tuple[str, Any]] = [
        ("tanggal_rencana", sc.tanggal_rencana.isoformat()),
        ("seed", sc.seed),
    ]
    if record:
        prov += [(f"masukan:{m['path']}", m["sha256"]) for m in record.get("masukan", [])]
        prov += [(f"versi:{n}", v) for n, v in record.get("versi", {}).items()]
        prov += [("objektif_skala", record.get("objektif_skala")), ("data", record.get("data"))]
    else:
        prov += [(f"masukan:{p}", h) for p, h in sorted(ds.sources.items())]
    prov.append(("konfigurasi", json.dumps(sc.model_dump(mode="json"), ensure_ascii=False)))
    tables = {
        "Ringkasan": pd.DataFrame(ring, columns=["butir", "nilai"]).astype({"nilai": str}),
        "Rencana": result.plan,
        "Per Jabatan": _per_post(exps),
        "Alternatif": alternatives_table(ds, result, k),
        "Lowong": result.vacancies,
        "Rantai Kekosongan": result.chains,
        "Shortlist JPT": result.shortlist,
        "Aturan": _rules(result),
        "Persetujuan": pd.DataFrame(
            [
                {
                    "kode": a.code,
                    "persetujuan": a.message_id,
                    "alasan": a.reasons(),
                    "dasar_hukum": a.legal_text,
                }
                for a in approvals
            ],
            columns=["kode", "persetujuan", "alasan", "dasar_hukum"],
        ),
        "Provenans": pd.DataFrame(prov, columns=["butir", "nilai"]).astype({"nilai": str}),
        "Lampiran SK": _sk(groups if groups is not None else daftar_of(ds, result, exps)),
    }
    if succession is not None:
        tables.update(succession_tables(ds, result, succession, max(k, 1)))
    return tables


def write_dossier_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    succession_text: tuple[str, ...] = ()
    if set(tables) & set(SUCCESSION_SHEETS):  # the succession modules only when they are needed
        from placement.succession.sheets import TEXT_COLUMNS

        succession_text = TEXT_COLUMNS

    def text(name: str, column: str) -> bool:
        return column.startswith("nip") or (name in SUCCESSION_SHEETS and column in succession_text)

    nip_cols = {name: [c for c in df.columns if text(name, str(c))] for name, df in tables.items()}
    return write_xlsx(tables, path, text_columns=nip_cols)


# --- succession section (html) --------------------------------------------------------------


def _count(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _date(value: Any) -> str:
    return "-" if value is None or pd.isna(value) else tanggal(value)


def succession_section(
    tables: dict[str, pd.DataFrame], limit: int = SECTION_ROWS
) -> dict[str, Any] | None:
    """The short Suksesi section of the html from the succession sheets (None without
    them): posts without a successor ready now (critical first), the next future vacancies
    (not yet past), the 9-box counts grid and the totals behind the shortened lists."""
    if "Kekuatan Suksesi" not in tables:
        return None
    info = dict(zip(tables["Info Suksesi"]["kunci"], tables["Info Suksesi"]["nilai"], strict=True))
    bench = tables["Kekuatan Suksesi"]
    gaps = bench[bench["siap_sekarang"] == 0]
    vac = tables["Lowong Mendatang"]
    upcoming = vac[vac["sudah_lewat"] == "tidak"]
    grid = tables["Kotak 9"]
    tanpa = [
        {
            "jabatan_id": r["jabatan_id"],
            "nama_jabatan": r["nama_jabatan"],
            "opd": r["opd"],
            "eselon": r["eselon"],
            "kritis": r["kritis"],
            "siap_horizon": int(r["siap_horizon"]),
            "perlu_pengembangan": int(r["perlu_pengembangan"]),
            "status": r["status"],
            "lowong_mulai": _date(r["lowong_mulai"]),
        }
        for r in gaps.head(limit).to_dict(orient="records")
    ]
    lowong = [
        {
            "tanggal": _date(r["tanggal"]),
            "jabatan_id": r["jabatan_id"],
            "nama_jabatan": r["nama_jabatan"],
            "opd": r["opd"],
            "eselon": r["eselon"],
            "alasan": r["alasan"],
            "siap_sekarang": _count(r["siap_sekarang"]),
            "penerus_siap_saat_lowong": _count(r["penerus_siap_saat_lowong"]),
        }
        for r in upcoming.head(limit).to_dict(orient="records")
    ]
    return {
        "horizon": int(info["horizon_tahun"]),
        "akhir_horizon": tanggal(info["akhir_horizon"]),
        "jumlah_jabatan": len(bench),
        "tanpa_siap_sekarang": len(gaps),
        "tanpa_penerus": int(((bench["siap_sekarang"] + bench["siap_horizon"]) == 0).sum()),
        "tanpa": tanpa,
        "jumlah_lowong": len(vac),
        "sudah_lewat": int((vac["sudah_lewat"] == "ya").sum()),
        "akan_lowong": len(upcoming),
        "lowong": lowong,
        "kotak_kepala": [str(c) for c in grid.columns],
        "kotak": grid.astype(str).to_numpy().tolist(),
    }


# --- html -----------------------------------------------------------------------------------------


def _env() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("placement.report", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda v: "-" if v is None or pd.isna(v) else f"{100 * float(v):.1f} %"
    env.filters["num"] = lambda v: "-" if v is None or pd.isna(v) else f"{float(v):.4f}"
    env.filters["cell"] = lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else v
    return env


def render_html(
    ds: Dataset,
    result: Result,
    tables: dict[str, pd.DataFrame],
    exps: list[MoveExplanation] | None = None,
) -> str:
    """The dossier as one HTML page: summary, then one section per move."""
    exps = explanations(ds, result) if exps is None else exps
    alts = tables["Alternatif"]
    per_move = []
    for e in exps:
        mine = alts[alts["nip_terpilih"] == e.nip] if len(alts) else alts
        per_move.append({"e": e, "alts": mine.to_dict(orient="records")})
    template = _env().get_template("dossier.html.j2")
    return str(
        template.render(
            sc=result.scenario,
            tanggal=tanggal(result.scenario.tanggal_rencana),
            ringkasan=tables["Ringkasan"].to_dict(orient="records"),
            persetujuan=tables["Persetujuan"].to_dict(orient="records"),
            lowong=tables["Lowong"].to_dict(orient="records"),
            sk=tables["Lampiran SK"].to_dict(orient="records"),
            provenans=tables["Provenans"].to_dict(orient="records"),
            suksesi=succession_section(tables),
            moves=per_move,
        )
    )


def write_text(text: str, path: Path) -> Path:
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return path


FORMATS = ("pdf", "docx", "xlsx", "html")
"""Formats of ``placement dossier --format``: pdf and docx are the usulan package
(:mod:`placement.report.usulan`), xlsx the working tables, html the one-page justification."""


def _provenance(result: Result, tables: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """Provenance for the package in words: scenario, date, rule pack, input hashes, versions
    (the full configuration stays in the xlsx sheet Provenans)."""
    sc, s = result.scenario, result.summary()
    out = [
        ("Skenario", sc.nama),
        ("Tanggal rencana", fmt_id.date_text(sc.tanggal_rencana)),
        ("Paket aturan", sc.paket_aturan),
        (
            "Status optimasi",
            f"{s['status']} (objektif {fmt_id.number(s['objektif'], 4)}, "
            f"batas atas {fmt_id.number(s['batas_atas'], 4)})",
        ),
    ]
    for key, value in tables["Provenans"].itertuples(index=False):
        if key.startswith("masukan:"):
            out.append((f"Berkas {key.removeprefix('masukan:')}", f"sha256 {value}"))
        elif key.startswith("versi:"):
            out.append((f"Versi {key.removeprefix('versi:')}", str(value)))
    out.append(("Konfigurasi lengkap", "dosir xlsx, sheet Provenans"))
    return out


def usulan_of(
    ds: Dataset,
    result: Result,
    tables: dict[str, pd.DataFrame],
    exps: list[MoveExplanation],
    groups: list[Group] | None = None,
) -> Usulan:
    """The usulan package of a solved plan (charts rendered once, shared by PDF and Word)."""
    from collections import Counter

    from placement.report.charts import summary_charts

    sc = result.scenario
    parts = Parts(
        ds=ds,
        sc=sc,
        plan=result.plan,
        vacancies=result.vacancies,
        chains=result.chains,
        shortlist=result.shortlist,
        pairs=result.index.pairs,
        summary=result.summary(),
        exps=exps,
        alternatives=tables["Alternatif"],
        approvals=required_approvals(sc, ds, result.plan, result.vacancies),
        provenance=_provenance(result, tables),
    )
    moves = moves_of(result.plan)
    opd = Counter(fmt_id.text(o) or "tanpa unit" for o in moves["opd_tujuan"])
    boxes = Counter(e.talent_box for e in exps if e.move_type == "promosi" and e.talent_box)
    return build_usulan(parts, summary_charts(opd, boxes), groups)


def write_package(
    ds: Dataset,
    result: Result,
    paths: dict[str, Path],
    record: dict[str, Any] | None = None,
    k: int = 3,
    succession: int | None = None,
) -> dict[str, Path]:
    """Write the dossier in every format of ``paths`` (format → file), computing the
    explanations, tables and the usulan text once; returns the paths written."""
    unknown = set(paths) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown dossier format {sorted(unknown)!r}")
    exps = explanations(ds, result)
    groups = daftar_of(ds, result, exps)
    tables = dossier_tables(ds, result, record, k, exps, succession, groups)
    wanted = {"pdf", "docx"} & set(paths)
    usulan = usulan_of(ds, result, tables, exps, groups) if wanted else None
    out: dict[str, Path] = {}
    for fmt, path in paths.items():
        if fmt == "xlsx":
            out[fmt] = write_dossier_xlsx(tables, path)
        elif fmt == "html":
            out[fmt] = write_text(render_html(ds, result, tables, exps), path)
        elif fmt == "pdf":
            from placement.report.usulan_pdf import render_usulan_pdf

            assert usulan is not None
            out[fmt] = render_usulan_pdf(usulan, path)
        else:
            from placement.report.usulan_docx import render_usulan_docx

            assert usulan is not None
            out[fmt] = render_usulan_docx(usulan, path)
    return out


def write_dossier(
    ds: Dataset,
    result: Result,
    path: Path,
    fmt: str,
    record: dict[str, Any] | None = None,
    k: int = 3,
    succession: int | None = None,
) -> Path:
    """Write the dossier in ``fmt`` (pdf / docx: the usulan package; xlsx; html) to ``path``;
    ``succession``: horizon in years of the succession sheets / section (``None``: without)."""
    return write_package(ds, result, {fmt: path}, record, k, succession)[fmt]


__all__ = [
    "FORMATS",
    "SHEETS",
    "SUCCESSION_HORIZON",
    "SUCCESSION_SHEETS",
    "dossier_tables",
    "render_html",
    "safe_cell",
    "succession_section",
    "succession_tables",
    "tanggal",
    "usulan_of",
    "write_dossier",
    "write_package",
]
