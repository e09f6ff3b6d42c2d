"""The justification dossier of a plan (xlsx, html, pdf) for the Tim Penilai Kinerja and the PPK.

Sheets / sections: Ringkasan, Rencana, Per Jabatan, Alternatif, Lowong, Rantai Kekosongan,
Shortlist JPT, Aturan (legal basis), Persetujuan, Provenans, Lampiran SK; with succession
(``succession=N`` years; off by default because it carries talent data of people outside the
plan, and the dossier goes to BKN) also the succession sheets (``SUCCESSION_SHEETS``: successors,
bench strength, future vacancies, talent map) and a short Suksesi section in html / pdf. The xlsx
sheet ``Rencana`` is the plan table itself, so ``placement audit DATA OUT --plan dossier.xlsx``
checks it. Every writer is atomic and formula-injection safe (``placement.io.writers``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from placement.domain.grades import ESELON_RANK, PANGKAT
from placement.domain.model import Dataset
from placement.io.writers import atomic_path, safe_cell, write_xlsx
from placement.plan.explain import (
    BOX_LEGAL_BASIS,
    MoveExplanation,
    alternatives_table,
    explain_move,
    required_approvals,
)
from placement.rules.registry import rule_set

if TYPE_CHECKING:
    from placement.plan.result import Result

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")  # fmt: skip
SHEETS = ("Ringkasan", "Rencana", "Per Jabatan", "Alternatif", "Lowong", "Rantai Kekosongan",
          "Shortlist JPT", "Aturan", "Persetujuan", "Provenans", "Lampiran SK")  # fmt: skip
SUCCESSION_SHEETS = ("Info Suksesi", "Suksesi", "Kekuatan Suksesi", "Kekuatan per OPD",
                     "Lowong Mendatang", "Peta Talenta", "Kotak 9")  # fmt: skip
"""Appended after SHEETS when the dossier carries succession (``placement.succession.sheets``;
its ``Info`` sheet is renamed ``Info Suksesi``)."""
SUCCESSION_HORIZON = 2
"""Default succession horizon of the dossier, in years."""
SUCCESSION_PER_POST = ("eselon", "kritis", "pemegang_nip", "pemegang_nama", "lowong_mulai",
                       "alasan_lowong")  # fmt: skip
"""Columns of ``placement succession``'s Suksesi sheet the dossier leaves to Kekuatan Suksesi."""
SECTION_ROWS = 20
"""Rows per table of the html / pdf Suksesi section (the xlsx sheets have them all)."""


def tanggal(d: Any) -> str:
    """23 November 2026."""
    ts = pd.Timestamp(d)
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def moves_of(plan: pd.DataFrame) -> pd.DataFrame:
    return plan[plan["jenis_perpindahan"] != "tetap"]


def explanations(ds: Dataset, result: Result) -> list[MoveExplanation]:
    """One explanation per move (not the stays), in plan order."""
    return [explain_move(ds, result.scenario, result, str(n)) for n in moves_of(result.plan)["nip"]]


def _per_post(exps: list[MoveExplanation]) -> pd.DataFrame:
    rows = []
    for e in exps:
        failed = [c.rule_id for c in e.checks if not c.passed]
        rows.append({"jabatan_id": e.jabatan_tujuan_id, "jabatan": e.jabatan_tujuan, "opd": e.opd_tujuan,
                     "nip": e.nip, "nama": e.nama, "jabatan_asal_id": e.jabatan_asal_id,
                     "jenis_perpindahan": e.move_type,
                     "jpm_persen": None if e.jpm is None or pd.isna(e.jpm.jpm) else round(100 * e.jpm.jpm, 1),
                     "kategori_jpm": e.jpm.category_id if e.jpm else None,
                     "kotak_talenta": e.talent_box, "rekomendasi_kotak": e.box_recommendation_id,
                     "aturan_diperiksa": len(e.checks), "aturan_gagal": ", ".join(failed),
                     "skor": e.total,
                     **{f"kontribusi_{t.term}": t.contribution for t in e.terms}})  # fmt: skip
    return pd.DataFrame(rows)


def _rules(result: Result) -> pd.DataFrame:
    rs = rule_set(result.scenario)
    rows = [{"aturan": r.id, "uraian": r.spec.description_id, "jenis": r.spec.kind,
             "efek": r.spec.effect, "aktif": r.active, "dasar_hukum": r.spec.legal_text,
             "parameter": json.dumps(r.params, ensure_ascii=False, default=str)}
            for r in rs]  # fmt: skip
    rows.append({"aturan": "KOTAK_TALENTA_REKOMENDASI", "uraian": "Rekomendasi per kotak talenta",
                 "jenis": "informasi", "efek": "", "aktif": True, "dasar_hukum": BOX_LEGAL_BASIS,
                 "parameter": ""})  # fmt: skip
    return pd.DataFrame(rows)


def _sk(ds: Dataset, plan: pd.DataFrame) -> pd.DataFrame:
    """Lampiran SK: the moves, ordered by OPD and eselon (highest first)."""
    m = moves_of(plan)
    m = m[m["jabatan_tujuan_id"].notna()]
    peg = ds.pegawai.set_index("nip")
    jab = ds.jabatan.set_index("jabatan_id")
    gol = peg["golongan"].reindex(m["nip"]).astype(str).to_numpy()
    eselon = jab["eselon"].reindex(m["jabatan_tujuan_id"]).astype(str).to_numpy()
    out = pd.DataFrame({
        "nama": m["nama"].to_numpy(),
        "nip": m["nip"].to_numpy(),
        "pangkat_golongan": [f"{PANGKAT.get(g, '')}, {g}".strip(", ") for g in gol],
        "jabatan_lama": [a if isinstance(a, str) else "-" for a in m["jabatan_asal"]],
        "jabatan_baru": m["jabatan_tujuan"].to_numpy(),
        "opd": m["opd_tujuan"].to_numpy(),
        "eselon": eselon,
    })  # fmt: skip
    out["_rank"] = [-ESELON_RANK.get(e, 0) for e in eselon]
    out = out.sort_values(["opd", "_rank", "nama"], kind="stable").drop(columns="_rank")
    out.insert(0, "no", range(1, len(out) + 1))
    return out.reset_index(drop=True)


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
    ds: Dataset, result: Result, record: dict[str, Any] | None = None, k: int = 3,
    exps: list[MoveExplanation] | None = None, succession: int | None = None,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """Every sheet of the dossier as a frame (see SHEETS), then the succession sheets over a
    horizon of ``succession`` years, ``k`` successors per post and readiness (see
    SUCCESSION_SHEETS; ``succession=None``: none)."""
    sc = result.scenario
    summary = result.summary()
    exps = explanations(ds, result) if exps is None else exps
    approvals = required_approvals(sc, ds, result.plan, result.vacancies)
    ring = [("nama_skenario", sc.nama), ("tanggal_rencana", tanggal(sc.tanggal_rencana)),
            ("status", summary["status"]), ("backend", summary["backend"]),
            ("objektif", summary["objektif"]), ("batas_atas", summary["batas_atas"]),
            ("jabatan_dalam_lingkup", summary["jabatan_dalam_lingkup"]),
            ("jabatan_terisi", summary["jabatan_terisi"]), ("jabatan_lowong", summary["jabatan_lowong"]),
            *((f"perpindahan_{t}", n) for t, n in summary["perpindahan"].items()),
            ("rantai_kekosongan", summary["rantai"]),
            ("persetujuan_diperlukan", "; ".join(a.message_id for a in approvals) or "tidak ada")]  # fmt: skip
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
        "Lampiran SK": _sk(ds, result.plan),
    }
    if succession is not None:
        tables.update(succession_tables(ds, result, succession, max(k, 1)))
    return tables


def write_dossier_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    from placement.succession.sheets import TEXT_COLUMNS

    def text(name: str, column: str) -> bool:
        return column.startswith("nip") or (name in SUCCESSION_SHEETS and column in TEXT_COLUMNS)

    nip_cols = {name: [c for c in df.columns if text(name, str(c))] for name, df in tables.items()}
    return write_xlsx(tables, path, text_columns=nip_cols)


# --- succession section (html / pdf) --------------------------------------------------------------


def _count(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _date(value: Any) -> str:
    return "-" if value is None or pd.isna(value) else tanggal(value)


def succession_section(
    tables: dict[str, pd.DataFrame], limit: int = SECTION_ROWS
) -> dict[str, Any] | None:
    """The short Suksesi section of the html / pdf from the succession sheets (None without
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
        {"jabatan_id": r["jabatan_id"], "nama_jabatan": r["nama_jabatan"], "opd": r["opd"],
         "eselon": r["eselon"], "kritis": r["kritis"], "siap_horizon": int(r["siap_horizon"]),
         "perlu_pengembangan": int(r["perlu_pengembangan"]), "status": r["status"],
         "lowong_mulai": _date(r["lowong_mulai"])}
        for r in gaps.head(limit).to_dict(orient="records")
    ]  # fmt: skip
    lowong = [
        {"tanggal": _date(r["tanggal"]), "jabatan_id": r["jabatan_id"],
         "nama_jabatan": r["nama_jabatan"], "opd": r["opd"], "eselon": r["eselon"],
         "alasan": r["alasan"], "siap_sekarang": _count(r["siap_sekarang"]),
         "penerus_siap_saat_lowong": _count(r["penerus_siap_saat_lowong"])}
        for r in upcoming.head(limit).to_dict(orient="records")
    ]  # fmt: skip
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

    env = Environment(loader=PackageLoader("placement.report", "templates"),
                      autoescape=select_autoescape(["html", "html.j2"]), trim_blocks=True, lstrip_blocks=True)  # fmt: skip
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
    return str(template.render(
        sc=result.scenario, tanggal=tanggal(result.scenario.tanggal_rencana),
        ringkasan=tables["Ringkasan"].to_dict(orient="records"),
        persetujuan=tables["Persetujuan"].to_dict(orient="records"),
        lowong=tables["Lowong"].to_dict(orient="records"),
        sk=tables["Lampiran SK"].to_dict(orient="records"),
        provenans=tables["Provenans"].to_dict(orient="records"),
        suksesi=succession_section(tables),
        moves=per_move,
    ))  # fmt: skip


def write_text(text: str, path: Path) -> Path:
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return path


# --- pdf (fpdf2, core fonts: latin-1) ------------------------------------------------------------

_PDF_MAP = str.maketrans({"→": "->", "≥": ">=", "≤": "<=", "–": "-", "—": "-", "×": "x", "…": "...",
                          "’": "'", "“": '"', "”": '"', "−": "-"})  # fmt: skip


def _latin(text: Any) -> str:
    s = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    return s.translate(_PDF_MAP).encode("latin-1", "replace").decode("latin-1")


def _pdf_succession(line: Callable[..., None], s: dict[str, Any]) -> None:
    line(f"Suksesi (horizon {s['horizon']} tahun, sampai {s['akhir_horizon']})", 12, "B")
    line(f"{s['jumlah_jabatan']} jabatan dalam lingkup; {s['tanpa_siap_sekarang']} tanpa penerus "
         f"yang siap sekarang; {s['tanpa_penerus']} tanpa penerus sama sekali. Rincian: sheet "
         "Suksesi dan Kekuatan Suksesi pada dosir xlsx.")  # fmt: skip
    line("Jabatan tanpa penerus yang siap sekarang", 10, "B")
    if not s["tanpa"]:
        line("Semua jabatan punya penerus yang siap sekarang.")
    for r in s["tanpa"]:
        line(f"- {r['jabatan_id']} {r['nama_jabatan']} ({r['opd']}, {r['eselon']}; kritis "
             f"{r['kritis']}): siap 1-{s['horizon']} tahun {r['siap_horizon']}, perlu "
             f"pengembangan {r['perlu_pengembangan']}; lowong {r['lowong_mulai']}", 8)  # fmt: skip
    if s["tanpa_siap_sekarang"] > len(s["tanpa"]):
        line(f"... dan {s['tanpa_siap_sekarang'] - len(s['tanpa'])} jabatan lainnya", 8)
    line("Lowong mendatang", 10, "B")
    line(f"{s['jumlah_lowong']} kejadian lowong dalam horizon, {s['sudah_lewat']} sudah lewat pada "
         f"tanggal rencana; berikutnya:", 8)  # fmt: skip
    for r in s["lowong"]:
        ready = "-" if r["penerus_siap_saat_lowong"] is None else r["penerus_siap_saat_lowong"]
        line(f"- {r['tanggal']}: {r['jabatan_id']} {r['nama_jabatan']} ({r['opd']}): {r['alasan']}; "
             f"penerus siap saat lowong {ready}", 8)  # fmt: skip
    if s["akan_lowong"] > len(s["lowong"]):
        line(f"... dan {s['akan_lowong'] - len(s['lowong'])} lainnya (sheet Lowong Mendatang)", 8)
    line("Peta talenta (kotak 9): jumlah pegawai per kotak", 10, "B")
    line(" | ".join(s["kotak_kepala"]), 8, "B")
    for row in s["kotak"]:
        line(" | ".join(row), 8)


def render_pdf(
    ds: Dataset, result: Result, tables: dict[str, pd.DataFrame], path: Path,
    exps: list[MoveExplanation] | None = None,
) -> Path:  # fmt: skip
    """A plain PDF: summary page, approvals, then one section per move."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def line(text: Any, size: int = 9, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, 5, _latin(text), new_x="LMARGIN", new_y="NEXT")

    line(f"Dosir Justifikasi Rencana Penempatan: {result.scenario.nama}", 14, "B")
    line(f"Tanggal rencana: {tanggal(result.scenario.tanggal_rencana)}", 10)
    pdf.ln(2)
    line("Ringkasan", 12, "B")
    for r in tables["Ringkasan"].itertuples(index=False):
        line(f"{r.butir}: {r.nilai}")
    pdf.ln(2)
    line("Persetujuan yang diperlukan", 12, "B")
    for r in tables["Persetujuan"].itertuples(index=False):
        line(f"- {r.persetujuan} [{r.dasar_hukum}]")
        line(f"  karena: {r.alasan}", 8)
    suksesi = succession_section(tables)
    if suksesi is not None:
        pdf.add_page()
        _pdf_succession(line, suksesi)
    for e in explanations(ds, result) if exps is None else exps:
        pdf.add_page()
        line(f"{e.nama} ({e.nip})", 12, "B")
        line(
            f"{e.move_type}: {e.jabatan_asal or '-'} -> {e.jabatan_tujuan or '-'} ({e.opd_tujuan or '-'})",
            10,
        )
        line(
            f"NIP {e.nip}; jabatan lama {e.jabatan_asal_id or '-'}; jabatan baru {e.jabatan_tujuan_id or '-'}",
            9,
        )
        if e.jpm is not None:
            line(f"JPM {100 * e.jpm.jpm:.1f} % ({e.jpm.category_id}); kotak talenta {e.talent_box}: "
                 f"{e.box_recommendation_id}")  # fmt: skip
            line("Kesenjangan kompetensi (standar / aktual / gap):", 10, "B")
            for g in e.jpm.gaps.itertuples(index=False):
                line(f"- {g.competency}: {g.standard:g} / {g.actual:g} / {g.gap:+.2f}", 8)
        line("Aturan:", 10, "B")
        for c in e.checks:
            mark = "lulus" if c.passed else "GAGAL"
            line(f"- {c.rule_id} {mark}: {c.actual} vs {c.threshold} [{c.legal_basis}]", 8)
        if e.unchecked:
            line("Tidak dapat diperiksa:", 10, "B")
            for id_text, _ in e.unchecked:
                line(f"- {id_text}", 8)
        line("Suku skor:", 10, "B")
        for t in e.terms:
            line(f"- {t.label_id}: nilai {'-' if t.value is None else f'{t.value:.4f}'} x bobot {t.weight:g} "
                 f"= {t.contribution:+.4f}", 8)  # fmt: skip
        line(f"Skor total: {e.total:.4f}" if e.total is not None else "Skor total: -", 9, "B")
    with atomic_path(path) as tmp:
        pdf.output(str(tmp))
    return path


def write_dossier(
    ds: Dataset,
    result: Result,
    path: Path,
    fmt: str,
    record: dict[str, Any] | None = None,
    k: int = 3,
    succession: int | None = None,
) -> Path:
    """Write the dossier in ``fmt`` (xlsx / html / pdf) to ``path``; ``succession``: horizon in
    years of the succession sheets / section (``None``: without them)."""
    exps = explanations(ds, result)
    tables = dossier_tables(ds, result, record, k, exps, succession)
    if fmt == "xlsx":
        return write_dossier_xlsx(tables, path)
    if fmt == "html":
        return write_text(render_html(ds, result, tables, exps), path)
    if fmt == "pdf":
        return render_pdf(ds, result, tables, path, exps)
    raise ValueError(f"unknown dossier format {fmt!r}")


__all__ = [
    "SHEETS",
    "SUCCESSION_HORIZON",
    "SUCCESSION_SHEETS",
    "dossier_tables",
    "render_html",
    "render_pdf",
    "safe_cell",
    "succession_section",
    "succession_tables",
    "tanggal",
    "write_dossier",
]
