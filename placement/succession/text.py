"""Plain-text summary of a succession report (what ``placement succession`` prints)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from placement.domain.format_id import MONTHS
from placement.domain.messages import text
from placement.succession.sheets import (
    SuccessionReport,
    bench_frame,
    category_label,
    successor_frame,
    vacancy_frame,
)
from placement.succession.talent_map import box_transitions, talent_grid


def date_text(value: Any, lang: str = "id") -> str:
    """ "1 Juli 2026" (Indonesian report style) or ISO for English; '-' when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "-"
    ts = pd.Timestamp(value)
    if lang == "en":
        return ts.date().isoformat()
    return f"{ts.day} {MONTHS[ts.month - 1]} {ts.year}"


def _has(value: Any) -> bool:
    return value is not None and not (not isinstance(value, str) and pd.isna(value))


def summary_text(r: SuccessionReport, detail: bool) -> str:
    """Header and counts; per-post successor lists (``detail``) or the posts without a ready
    successor; the first future vacancies; the 9-box grid; box transitions when given."""
    lang = r.lang
    en = lang == "en"
    succ = r.succ
    b = succ.bench
    h = r.horizon_years
    plan, end = date_text(succ.plan_date, lang), date_text(succ.horizon_end, lang)
    lines = [
        text("SUKSESI_TEKS_SUKSESI_PER_HORIZON", lang, plan=plan, h=h, end=end, n_posts=len(b))
    ]
    cats = ("sekarang", "horizon", "pengembangan")
    labels = [category_label(c, h, lang) for c in cats]
    counts = ", ".join(f"{lab}: {int(b[c].sum())}" for lab, c in zip(labels, cats, strict=True))
    lines.append(text("SUKSESI_TEKS_PASANGAN_PENERUS", lang) + counts)
    none_now = int((b["sekarang"] == 0).sum())
    none_all = int(((b["sekarang"] + b["horizon"]) == 0).sum())
    lines.append(
        text("SUKSESI_TEKS_JABATAN_TANPA_PENERUS", lang, none_now=none_now, none_all=none_all)
    )
    bench = bench_frame(r)
    if detail:
        rows = successor_frame(r)
        for post in bench.to_dict(orient="records"):
            lines += _post_block(post, rows[rows["jabatan_id"] == post["jabatan_id"]], labels, en)
    else:
        flagged = bench[bench["siap_sekarang"] == 0]
        if len(flagged):
            lines.append("")
            lines.append(text("SUKSESI_TEKS_JABATAN_TANPA_PENERUS_2", lang))
            for post in flagged.head(20).to_dict(orient="records"):
                lines.append(
                    f"  {post['jabatan_id']} {post['nama_jabatan']} ({post['eselon']}, "
                    f"{post['opd']}): {labels[1]} {post['siap_horizon']}, "
                    f"{labels[2]} {post['perlu_pengembangan']}"
                )
    vac = vacancy_frame(r)
    past = vac["sudah_lewat"].isin(["ya", "yes"])
    lines += [
        "",
        text(
            "SUKSESI_TEKS_LOWONG_MENDATANG_SUDAH",
            lang,
            future=int((~past).sum()),
            past=int(past.sum()),
        ),
    ]
    vac = vac[~past]
    for v in vac.head(10).to_dict(orient="records"):
        lines.append(
            f"  {date_text(v['tanggal'], lang)}  {v['jabatan_id']} {v['nama_jabatan']}: {v['alasan']}"
        )
    if len(vac) > 10:
        lines.append(f"  … {len(vac) - 10} {text('SUKSESI_TEKS_LAGI', lang)}")
    where = r.opd or text("SUKSESI_TEKS_SELURUH_DAERAH", lang)
    lines += ["", text("SUKSESI_TEKS_PETA_TALENTA_KOTAK", lang, where=where)]
    lines.append(talent_grid(r.ds, r.opd, lang).to_string(index=False))
    if r.previous is not None:
        lines += [
            "",
            text("SUKSESI_TEKS_PERPINDAHAN_KOTAK_PUTARAN", lang),
            box_transitions(r.ds, r.previous, lang).to_string(index=False),
        ]
    return "\n".join(lines)


def _post_block(post: dict[Any, Any], rows: pd.DataFrame, labels: list[str], en: bool) -> list[str]:
    lang = "en" if en else "id"
    head = f"{post['jabatan_id']} {post['nama_jabatan']} ({post['eselon']}, {post['opd']})"
    if post["kritis"] in ("ya", "yes"):
        head += text("SUKSESI_TEKS_KRITIS", lang)
    if _has(post["pemegang_nama"]):
        head += f"; {text('SUKSESI_TEKS_PEMEGANG', lang)}: {post['pemegang_nama']}"
    else:
        head += text("SUKSESI_TEKS_LOWONG", lang)
    if _has(post["lowong_mulai"]):
        head += (
            f"; {text('SUKSESI_TEKS_LOWONG_MULAI', lang)} "
            f"{date_text(post['lowong_mulai'], lang)} ({post['alasan_lowong']})"
        )
    out = ["", head]
    if post["status"]:
        out.append(f"  ! {post['status']}")
    for s in rows.to_dict(orient="records"):
        jpm = f"{s['jpm_persen']:.1f} %" if _has(s["jpm_persen"]) else "-"
        box = str(s["kotak_talenta"]) if _has(s["kotak_talenta"]) else "-"
        line = (
            f"  {s['kesiapan']} #{s['peringkat']}: {s['nama']} ({s['nip']}), "
            f"{text('SUKSESI_TEKS_KOTAK', lang)} {box}, JPM {jpm}"
        )
        if s["kesiapan"] == labels[1]:
            line += f", {text('SUKSESI_TEKS_SIAP', lang)} {date_text(s['tanggal_siap'], lang)}"
        out.append(line)
        if s["aturan_penghalang"]:
            out.append(f"      {s['aturan_penghalang']}")
        if s["pengembangan"]:
            out.append(f"      → {s['pengembangan']}")
    return out


__all__ = ["date_text", "summary_text"]
