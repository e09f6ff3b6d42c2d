"""``placement eligibility``: who may take a post (and why not the others), or which posts a
person may take."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import numpy as np
import pandas as pd

from placement.cli.base import (
    date_option,
    format_option,
    lang_option,
    main,
    scenario_option,
    user_errors,
)
from placement.config import Skenario
from placement.domain.messages import text as message
from placement.domain.messages import texts
from placement.domain.model import Dataset, current_post_labels
from placement.rules.eligibility import Assessment, assess_person, assess_post
from placement.rules.registry import load_pack, rule_set
from placement.rules.scoring import CATEGORIES, jpm_category, require_known

FORMATS = ("table", "csv", "json", "xlsx")

_HEAD: dict[str, tuple[str, str]] = {
    "peringkat": ("peringkat", "rank"),
    "status": ("status", "status"),
    "nip": ("nip", "nip"),
    "nama": ("nama", "name"),
    "jabatan_sekarang": ("jabatan_sekarang", "current_post"),
    "unit_kerja": ("unit_kerja", "unit"),
    "jabatan_id": ("jabatan_id", "jabatan_id"),
    "nama_jabatan": ("nama_jabatan", "post_name"),
    "opd": ("opd", "opd"),
    "eselon": ("eselon", "eselon"),
    "jenis_perpindahan": ("jenis_perpindahan", "move_type"),
    "jpm_persen": ("jpm_persen", "jpm_percent"),
    "kategori_jpm": ("kategori_jpm", "jpm_category"),
    "kotak_talenta": ("kotak_talenta", "talent_box"),
    "nilai_kotak": ("nilai_kotak", "box_value"),
    "kecocokan_pendidikan": ("kecocokan_pendidikan", "education_match"),
    "kecocokan": ("kecocokan", "fit"),
    "nilai_jabatan": ("nilai_jabatan", "post_value"),
    "biaya_perpindahan": ("biaya_perpindahan", "move_cost"),
    "penalti_masa_jabatan": ("penalti_masa_jabatan", "overdue_penalty"),
    "total": ("total", "total"),
    "daftar_pendek": ("daftar_pendek", "shortlist_only"),
    "aturan_gagal": ("aturan_gagal", "failed_rules"),
    "aturan": ("aturan", "rule"),
    "nilai": ("nilai", "actual"),
    "ambang": ("ambang", "threshold"),
    "dasar_hukum": ("dasar_hukum", "legal_basis"),
    "pesan": ("pesan", "message"),
}
_STATUS = {
    "layak": texts("CLI_KELAYAKAN_STATUS_LAYAK"),
    "daftar_pendek": texts("CLI_KELAYAKAN_STATUS_DAFTAR_PENDEK"),
    "ditolak": texts("CLI_KELAYAKAN_STATUS_DITOLAK"),
}


@dataclass(frozen=True, slots=True)
class Report:
    """What ``placement eligibility`` prints or writes."""

    info: dict[str, Any]
    eligible: pd.DataFrame  # ranked, top N
    refused: pd.DataFrame  # one row per failed rule
    key: str  # "nip" (post view) or "jabatan_id" (person view)


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _yes(flag: bool, lang: str) -> str:
    return ("yes" if flag else "no") if lang == "en" else ("ya" if flag else "tidak")


@main.command(name="eligibility")
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True), required=False)
@click.option("--jabatan", "jabatan_id", help="ID jabatan: kandidat yang layak dan yang ditolak.")
@click.option("--nip", help="NIP: jabatan yang boleh diisi pegawai ini dan alasan yang lain tidak.")
@scenario_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Jumlah kandidat/jabatan layak teratas (tabel: juga baris ditolak).",
)
@format_option(FORMATS)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File keluaran (wajib untuk xlsx).",
)
@date_option
@lang_option
@user_errors
def eligibility_cmd(
    data_dir: Path | None,
    jabatan_id: str | None,
    nip: str | None,
    scenario: Path | None,
    top: int,
    fmt: str,
    out: Path | None,
    plan_date: datetime | None,
    lang: str,
) -> None:
    """Kelayakan: kandidat sebuah jabatan (--jabatan) atau pilihan jabatan seorang pegawai (--nip).

    Menampilkan yang layak berurutan (JPM dalam persen, kotak talenta, suku skor), lalu yang
    ditolak dengan aturan yang gagal (nilai vs ambang) dan dasar hukumnya.

    \b
    Contoh:
      placement eligibility data --jabatan J-001
      placement eligibility data --nip 197001012000011001 --format json --out pilihan.json
      placement eligibility data --jabatan J-001 --scenario skenario.yaml --format xlsx --out k.xlsx
    """
    if (jabatan_id is None) == (nip is None):
        raise click.UsageError("Berikan tepat satu: --jabatan ID atau --nip NIP.")
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx memerlukan --out FILE.")
    ds, sc, warnings = _load(data_dir, scenario, plan_date)
    if warnings:
        n = len(warnings)
        click.echo(
            message("CLI_SAMARAN_PERINGATAN_DATA", lang, n_warnings=n),
            err=True,
        )
    if jabatan_id is not None:
        report = post_report(ds, sc, jabatan_id.strip(), top, lang)
    else:
        report = person_report(ds, sc, str(nip).strip(), top, lang)
    _emit(report, fmt, out, top, lang)


def _load(
    data_dir: Path | None, scenario: Path | None, plan_date: datetime | None
) -> tuple[Dataset, Skenario, list[Any]]:
    from placement.workflow.inputs import load_inputs

    return load_inputs(data_dir, scenario, plan_date.date() if plan_date else None)


# --- report frames ---------------------------------------------------------------------------------


def _score_columns(ds: Dataset, sc: Skenario, e: pd.DataFrame, lang: str) -> dict[str, Any]:
    rule = rule_set(sc)["JPM"]
    box = ds.pegawai["talent_box"].to_numpy()[e["person"].to_numpy()]
    jpm = e["jpm"].to_numpy(dtype=float)
    return {
        "jenis_perpindahan": e["move_type"].to_numpy(),
        "jpm_persen": [None if np.isnan(x) else round(100 * x, 1) for x in jpm],
        "kategori_jpm": [_t(CATEGORIES[jpm_category(x, rule)], lang) for x in jpm],
        "kotak_talenta": [None if pd.isna(b) else int(b) for b in box],
        "nilai_kotak": e["box_value"].round(4).to_numpy(),
        "kecocokan_pendidikan": e["education_match"].round(4).to_numpy(),
        "kecocokan": e["fit"].round(4).to_numpy(),
        "nilai_jabatan": e["post_value"].round(4).to_numpy(),
        "biaya_perpindahan": e["move_cost"].round(4).to_numpy(),
        "penalti_masa_jabatan": e["overdue_penalty"].round(4).to_numpy(),
        "total": e["total"].round(4).to_numpy(),
        "daftar_pendek": [_yes(bool(x), lang) for x in e["shortlist_only"]],
    }


def _refused_long(ds: Dataset, r: pd.DataFrame, lang: str, by_post: bool) -> pd.DataFrame:
    who = (
        {"nip": r["nip"].to_numpy(), "nama": ds.pegawai["name"].to_numpy()[r["person"].to_numpy()]}
        if by_post
        else {
            "jabatan_id": r["jabatan_id"].to_numpy(),
            "nama_jabatan": ds.jabatan["name"].to_numpy()[r["post"].to_numpy()],
        }
    )
    return pd.DataFrame(
        {
            **who,
            "jenis_perpindahan": r["move_type"].to_numpy(),
            "aturan": r["rule_id"].to_numpy(),
            "nilai": r["actual"].to_numpy(),
            "ambang": r["threshold"].to_numpy(),
            "dasar_hukum": r["legal_basis"].to_numpy(),
            "pesan": (r["message_en"] if lang == "en" else r["message_id"]).to_numpy(),
        }
    )


def _refused_grouped(long: pd.DataFrame, key: str) -> pd.DataFrame:
    if not len(long):
        return long.reindex(columns=[*long.columns[:2], "jenis_perpindahan", "aturan_gagal"])
    text = long["aturan"] + " (" + long["nilai"] + " | " + long["ambang"] + ")"
    grouped = long.assign(aturan_gagal=text).groupby(key, sort=False)
    first = grouped.first()
    return pd.DataFrame(
        {
            long.columns[1]: first[long.columns[1]],
            "jenis_perpindahan": first["jenis_perpindahan"],
            "aturan_gagal": grouped["aturan_gagal"].agg("; ".join),
        }
    ).reset_index()


def _header(pairs: list[tuple[str, str, Any]], sc: Skenario, a: Assessment) -> dict[str, Any]:
    info = {k: v for k, _, v in pairs}
    info["tanggal_rencana"] = a.plan_date.isoformat()
    info["paket_aturan"] = sc.paket_aturan
    info["dalam_lingkup"] = a.in_scope
    info["pelonggaran"] = a.relaxed
    return info


def post_report(ds: Dataset, sc: Skenario, jabatan_id: str, top: int, lang: str) -> Report:
    """Frames for ``--jabatan``: info, eligible (ranked, top N), refused (long)."""
    require_known(ds, jabatan_id=jabatan_id)
    row = ds.post_index[jabatan_id]
    a = assess_post(ds, sc, row)
    post = ds.jabatan.iloc[row]
    holder = ds.holder_of(jabatan_id)
    e = a.eligible.head(top)
    rows = e["person"].to_numpy()
    eligible = pd.DataFrame(
        {
            "peringkat": np.arange(1, len(e) + 1),
            "nip": e["nip"].to_numpy(),
            "nama": ds.pegawai["name"].to_numpy()[rows],
            "jabatan_sekarang": current_post_labels(ds, rows),
            "unit_kerja": ds.pegawai["unit"].to_numpy()[rows],
            **_score_columns(ds, sc, e, lang),
        }
    )
    info = _header(
        [
            ("jabatan_id", "", jabatan_id),
            ("nama_jabatan", "", str(post["name"])),
            ("opd", "", str(post["opd"])),
            ("eselon", "", str(post["eselon"])),
            ("pemegang", "", holder),
            ("jumlah_layak", "", len(a.eligible)),
            ("jumlah_ditolak", "", int(a.refused["person"].nunique()) if len(a.refused) else 0),
        ],
        sc,
        a,
    )
    refused = _refused_long(ds, a.refused, lang, by_post=True)
    return Report(info, eligible, refused, "nip")


def person_report(ds: Dataset, sc: Skenario, nip: str, top: int, lang: str) -> Report:
    """Frames for ``--nip``: info, posts the person may take (ranked, top N), refused posts."""
    require_known(ds, nip=nip)
    row = ds.person_index[nip]
    a = assess_person(ds, sc, row)
    e = a.eligible.head(top)
    posts = e["post"].to_numpy()
    eligible = pd.DataFrame(
        {
            "peringkat": np.arange(1, len(e) + 1),
            "jabatan_id": e["jabatan_id"].to_numpy(),
            "nama_jabatan": ds.jabatan["name"].to_numpy()[posts],
            "opd": ds.jabatan["opd"].to_numpy()[posts],
            "eselon": ds.jabatan["eselon"].to_numpy()[posts],
            **_score_columns(ds, sc, e, lang),
        }
    )
    peg = ds.pegawai.iloc[row]
    info = _header(
        [
            ("nip", "", nip),
            ("nama", "", str(peg["name"])),
            ("jabatan_sekarang", "", current_post_labels(ds, np.array([row]))[0]),
            ("golongan", "", str(peg["golongan"])),
            ("jumlah_layak", "", len(a.eligible)),
            ("jumlah_ditolak", "", int(a.refused["post"].nunique()) if len(a.refused) else 0),
        ],
        sc,
        a,
    )
    refused = _refused_long(ds, a.refused, lang, by_post=False)
    return Report(info, eligible, refused, "jabatan_id")


# --- output --------------------------------------------------------------------------------------------


def _headers(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    renamed: pd.DataFrame = df.rename(columns={k: _t(v, lang) for k, v in _HEAD.items()})
    return renamed


def _combined(report: Report, lang: str) -> pd.DataFrame:
    """One table for csv: eligible rows then refused rows, with a status column."""
    e = report.eligible.copy()
    e.insert(
        0,
        "status",
        [
            _t(_STATUS["daftar_pendek" if s == _yes(True, lang) else "layak"], lang)
            for s in e["daftar_pendek"]
        ],
    )
    e["jpm_persen"] = _percent_text(e["jpm_persen"])
    r = _refused_grouped(report.refused, report.key)
    r.insert(0, "status", _t(_STATUS["ditolak"], lang))
    both = pd.concat([e, r], ignore_index=True)
    return both.astype({"peringkat": "Int64", "kotak_talenta": "Int64"})


def _percent_text(values: pd.Series) -> list[str]:
    """JPM percent with one decimal ("87.5"); empty when there is no data."""
    return ["" if x is None or pd.isna(x) else f"{x:.1f}" for x in values]


def _jsonable(report: Report, lang: str) -> dict[str, Any]:
    refused = report.refused
    key = report.key
    items = []
    for k, g in refused.groupby(key, sort=False):
        items.append(
            {
                _t(_HEAD[key], lang): k,
                _t(_HEAD[refused.columns[1]], lang): g.iloc[0][refused.columns[1]],
                _t(_HEAD["jenis_perpindahan"], lang): g.iloc[0]["jenis_perpindahan"],
                _t(_HEAD["aturan_gagal"], lang): _headers(
                    g[["aturan", "nilai", "ambang", "dasar_hukum", "pesan"]], lang
                ).to_dict(orient="records"),
            }
        )
    eligible = _headers(report.eligible, lang).astype(object)
    eligible = eligible.where(eligible.notna(), None)
    return {
        "info": report.info,
        message("CLI_KELAYAKAN_STATUS_LAYAK", lang): eligible.to_dict(orient="records"),
        message("CLI_KELAYAKAN_STATUS_DITOLAK", lang): items,
    }


def _table(report: Report, top: int, lang: str) -> str:
    info, e, r = report.info, report.eligible, report.refused
    lines = [
        "  ".join(f"{k}: {v}" for k, v in info.items() if k not in ("pelonggaran",)),
    ]
    for rec in info["pelonggaran"]:
        lines.append(
            message("CLI_KELAYAKAN_PELONGGARAN", lang)
            + (rec["message_en"] if lang == "en" else rec["message_id"])
        )
    lines.append("")
    lines.append(message("CLI_KELAYAKAN_LAYAK_TERBAIK_DAHULU", lang))
    shown = e.drop(columns=["nilai_jabatan"]).copy()
    shown["jpm_persen"] = [x or "-" for x in _percent_text(shown["jpm_persen"])]
    lines.append(_headers(shown, lang).to_string(index=False) if len(e) else "  -")
    if len(r):
        counts = r.groupby("aturan", sort=False)[report.key].nunique()
        order = [rid for rid in load_pack().rules if rid in counts.index]
        counts = counts.reindex(order)
        lines += ["", message("CLI_KELAYAKAN_DITOLAK_PER_ATURAN", lang)]
        lines += [f"  {rule}: {n}" for rule, n in counts.items()]
        grouped = _refused_grouped(r, report.key).head(top)
        lines += ["", (message("CLI_KELAYAKAN_DITOLAK_PERTAMA", lang, top=top))]
        lines.append(_headers(grouped, lang).to_string(index=False))
    return "\n".join(lines)


def _emit(report: Report, fmt: str, out: Path | None, top: int, lang: str) -> None:
    from placement.io.writers import csv_text, write_csv, write_xlsx

    if fmt == "table":
        text = _table(report, top, lang)
        if out is None:
            click.echo(text)
        else:
            out.write_text(text + "\n", encoding="utf-8")
    elif fmt == "json":
        text = json.dumps(_jsonable(report, lang), indent=2, ensure_ascii=False, default=str)
        if out is None:
            click.echo(text)
        else:
            out.write_text(text + "\n", encoding="utf-8")
    elif fmt == "csv":
        frame = _headers(_combined(report, lang), lang)
        if out is None:
            click.echo(csv_text(frame), nl=False)
        else:
            write_csv(frame, out)
    else:
        assert out is not None
        info = pd.DataFrame(
            [
                (k, json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, list) else v)
                for k, v in report.info.items()
            ],
            columns=["kunci", "nilai"],
        )
        sheets = {
            "Info": info,
            message("CLI_KELAYAKAN_LAYAK", lang): _headers(report.eligible, lang),
            message("CLI_KELAYAKAN_DITOLAK", lang): _headers(report.refused, lang),
        }
        write_xlsx(sheets, out, {name: ["nip"] for name in sheets})
    if out is not None:
        click.echo(message("CLI_DITULIS_KE", lang, out_file=out), err=True)
