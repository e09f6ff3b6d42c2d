"""``placement explain`` and ``placement dossier``: justification of a solved plan in OUT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from placement.cli.base import echo_json, format_option, lang_option, main, user_errors
from placement.domain.errors import PlacementError
from placement.domain.messages import Where, issue, text
from placement.domain.model import Dataset
from placement.plan.explain import (
    NO_DETAIL,
    TIE_RULES,
    Alternative,
    MoveExplanation,
    alternatives,
    explain_move,
    why_not,
)
from placement.plan.solved import by_post, chain_steps, change_lines
from placement.workflow.studies import load_solved


def _print_changes(
    ds: Dataset, changes: list[dict[str, str | None]], asked: str, detail: bool, lang: str
) -> None:
    """Placements a forced pair changes (others by post only without ``detail``, UU PDP)."""
    lines = change_lines(ds, changes, asked, detail, lang)
    if changes:
        click.echo(text("CLI_JELASKAN_PENEMPATAN_YANG_BERUBAH", lang))
    for line in lines:
        click.echo(f"  {line}" if line.startswith("(") else f"    {line}")


def _print_move(e: MoveExplanation, lang: str, detail: bool = False) -> None:
    en = lang == "en"
    click.echo(
        f"{e.nama} ({e.nip}): {e.move_type} {e.jabatan_asal_id or '-'} → {e.jabatan_tujuan_id or '-'}"
        f" {e.jabatan_tujuan or ''}"
    )
    if e.jpm is not None:
        jpm = "-" if e.jpm.jpm != e.jpm.jpm else f"{100 * e.jpm.jpm:.1f} %"
        click.echo(f"  JPM {jpm} ({e.jpm.category_en if en else e.jpm.category_id})")
        if not e.jpm.detail:
            click.echo(
                f"    {NO_DETAIL[1] if en else NO_DETAIL[0]} (JPM {text('CLI_JELASKAN_DARI_HASIL_ASESMEN', lang)})"
            )
        for g in e.jpm.gaps.itertuples(index=False):
            click.echo(
                f"    {g.competency}: {text('CLI_JELASKAN_STANDAR', lang)} {g.standard:g}, "
                f"{text('CLI_JELASKAN_AKTUAL', lang)} {g.actual:g}, gap {g.gap:+.2f}"
            )
    rec = e.box_recommendation_en if en else e.box_recommendation_id
    click.echo(
        f"  {text('CLI_JELASKAN_KOTAK_TALENTA', lang)} {e.talent_box}: {rec} (PermenPAN-RB 3/2020)"
    )
    click.echo(text("CLI_JELASKAN_ATURAN", lang))
    for c in e.checks:
        click.echo(f"    {c.message_en if en else c.message_id} [{c.legal_basis}]")
    if e.unchecked:
        click.echo(text("CLI_JELASKAN_TIDAK_DAPAT_DIPERIKSA", lang))
        for id_text, en_text in e.unchecked:
            click.echo(f"    {en_text if en else id_text}")
    click.echo(text("CLI_JELASKAN_SUKU_SKOR", lang))
    for t in e.terms:
        value = "-" if t.value is None else f"{t.value:.4f}"
        click.echo(
            f"    {t.label_en if en else t.label_id}: {value} × {t.weight:g} = {t.contribution:+.4f}"
        )
    if e.total is not None:
        click.echo(f"  {text('CLI_JELASKAN_SKOR_TOTAL', lang)}: {e.total:.4f}")
    if not e.chain.empty:
        # other people in the chain by post only; their NIPs with --rinci
        steps = "; ".join(chain_steps(e, detail))
        click.echo(f"  {text('CLI_JELASKAN_RANTAI_KEKOSONGAN', lang)}: {steps}")


def _print_alts(ds: Dataset, alts: list[Alternative], lang: str, detail: bool) -> None:
    """Next-best candidates: by their post only, NIP and name with ``detail`` (UU PDP)."""
    en = lang == "en"
    click.echo(text("CLI_JELASKAN_KANDIDAT_BERIKUTNYA", lang))
    if not alts:
        click.echo(text("CLI_JELASKAN_TIDAK_ADA", lang))
    for a in alts:
        who = f"{a.nama} ({a.nip})" if detail else by_post(ds, a.nip, lang)
        line = f"    {a.rank}. {who} {a.move_type}: {a.total:.4f} ({a.difference:+.4f})"
        if a.tie and a.tie_rule:
            line += f"; {text('CLI_JELASKAN_SERI_DIPUTUS_OLEH', lang)} {TIE_RULES[a.tie_rule][1 if en else 0]}"
        if a.loss is not None:
            line += f"; {text('CLI_JELASKAN_KEHILANGAN_OBJEKTIF_BILA', lang)} {a.loss:.4f}"
        elif a.status is not None:
            line += f"; {text('CLI_JELASKAN_DIPAKSA', lang)}: {a.status}"
        click.echo(line)
    if alts and not detail:
        click.echo(text("CLI_JELASKAN_PEGAWAI_LAIN_NIP", lang, n_alts=len(alts)))


@main.command(name="explain")
@click.argument("out", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--nip", help="Jelaskan penempatan pegawai ini.")
@click.option("--jabatan", "jabatan", help="Jelaskan siapa mengisi jabatan ini.")
@click.option("--alternatives", "with_alts", is_flag=True, help="Tampilkan kandidat berikutnya.")
@click.option("--top", type=int, default=3, show_default=True, help="Jumlah kandidat berikutnya.")
@click.option(
    "--reoptimize", is_flag=True, help="Hitung kehilangan objektif bila kandidat dipaksa."
)
@click.option(
    "--time-budget", type=float, default=None, help="Batas waktu tiap penyelesaian ulang (detik)."
)
@click.option(
    "--why-not",
    "why",
    nargs=2,
    type=str,
    default=None,
    metavar="NIP JABATAN_ID",
    help="Mengapa NIP tidak ditempatkan di JABATAN_ID.",
)
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path, exists=True),
    help="Folder data (bawaan: dari hasil.json).",
)
@format_option(["table", "json"])
@click.option(
    "--rinci",
    "detail",
    is_flag=True,
    help="Format table: tampilkan NIP dan nama pegawai lain (rantai kekosongan, "
    "kandidat berikutnya, penempatan yang berubah pada --why-not); bawaan: "
    "jabatannya saja.",
)
@lang_option
@user_errors
def explain_cmd(
    out: Path,
    nip: str | None,
    jabatan: str | None,
    with_alts: bool,
    top: int,
    reoptimize: bool,
    time_budget: float | None,
    why: tuple[str, str] | None,
    data: Path | None,
    fmt: str,
    detail: bool,
    lang: str,
) -> None:
    """Jelaskan rencana di OUT: aturan, JPM, kotak talenta, suku skor, alternatif, why-not.

    \b
    Contoh:
      placement explain hasil --nip 197509162007042001
      placement explain hasil --jabatan J-008 --alternatives --reoptimize
      placement explain hasil --why-not 196911022002012001 J-008 --rinci
      placement explain hasil --why-not 196911022002012001 J-008 --format json
    Pegawai lain (yang tidak ditanyakan) disebut dengan jabatannya; NIP dan nama hanya dengan
    --rinci atau --format json (UU PDP).
    """
    if not (nip or jabatan or why):
        raise click.UsageError("Sebutkan --nip, --jabatan atau --why-not.")
    ds, result, _ = load_solved(out, data)
    sc = result.scenario
    payload: dict[str, Any] = {}
    if jabatan and not nip:
        rows = result.plan[result.plan["jabatan_tujuan_id"] == jabatan]
        if rows.empty:
            if jabatan not in ds.post_index:
                where = Where("")  # no file: the post asked for on the command line
                raise PlacementError([issue("JABATAN_TIDAK_ADA", where, jid=jabatan)])
            payload["jabatan_lowong"] = jabatan
        else:
            nip = str(rows["nip"].iloc[0])
    exp = explain_move(ds, sc, result, nip) if nip else None
    target = jabatan or (exp.jabatan_tujuan_id if exp else None)
    alts = (
        alternatives(ds, result, target, top, reoptimize=reoptimize, time_budget=time_budget)
        if with_alts and target
        else []
    )
    wn = why_not(ds, sc, result, why[0], why[1], time_budget) if why else None
    if fmt == "json":
        if exp is not None:
            exp.alternatives = alts
            payload["penjelasan"] = exp.to_dict()
        elif alts:
            payload["alternatif"] = [a.to_dict() for a in alts]
        if wn is not None:
            payload["mengapa_tidak"] = wn.to_dict()
        echo_json(payload)
        return
    if "jabatan_lowong" in payload:
        click.echo(text("CLI_JELASKAN_JABATAN_LOWONG_DALAM", lang, jabatan=jabatan))
    if exp is not None:
        _print_move(exp, lang, detail)
    if with_alts:
        _print_alts(ds, alts, lang, detail)
    if wn is not None:
        click.echo(wn.message(lang))
        for c in wn.failed:
            click.echo(f"  {c.message_en if lang == 'en' else c.message_id} [{c.legal_basis}]")
        _print_changes(ds, wn.changes, wn.nip, detail, lang)


@main.command(name="dossier")
@click.argument("out", type=click.Path(path_type=Path, exists=True, file_okay=False))
@format_option(
    ["xlsx", "html", "pdf", "docx"],
    help="pdf / docx: paket usulan (ringkasan, daftar usulan, nota pertimbangan, rancangan SK, "
    "surat pengantar, lampiran justifikasi); xlsx: tabel kerja; html: ringkas satu halaman.",
)
@click.option(
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File keluaran (bawaan: OUT/dosir.FORMAT).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Kandidat berikutnya per jabatan; juga jumlah penerus terdekat per jabatan "
    "pada sheet Suksesi.",
)
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path, exists=True),
    help="Folder data (bawaan: dari hasil.json).",
)
@click.option(
    "--suksesi/--tanpa-suksesi",
    "with_succession",
    default=False,
    show_default=True,
    help="Sertakan suksesi: penerus, kekuatan suksesi, lowong mendatang, peta talenta "
    "(data talenta pegawai di luar rencana; hanya bila dosir tidak keluar instansi).",
)
@click.option(
    "--horizon-suksesi",
    "horizon",
    type=click.IntRange(1, 10),
    default=2,
    show_default=True,
    help="Horizon suksesi dalam tahun.",
)
@lang_option
@user_errors
def dossier_cmd(
    out: Path,
    fmt: str,
    output: Path | None,
    top: int,
    data: Path | None,
    with_succession: bool,
    horizon: int,
    lang: str,
) -> None:
    """Tulis paket usulan / dosir justifikasi rencana di OUT (pdf, docx, xlsx, html).

    Bagi Tim Penilai Kinerja, PPK dan BKN. Kop, PPK, tempat dan Tim Penilai Kinerja dari blok
    'fakta.instansi' skenario; yang kosong dicetak sebagai isian [....].

    Dengan --suksesi (lihat 'placement succession'): sheet Info Suksesi, Suksesi (--top
    penerus terdekat per jabatan; daftar lengkap: 'placement succession --out'), Kekuatan
    Suksesi, Kekuatan per OPD, Lowong Mendatang, Peta Talenta dan Kotak 9 pada xlsx; bagian
    Suksesi pada html (jabatan tanpa penerus yang siap sekarang, lowong mendatang, jumlah per
    kotak talenta). Paket usulan pdf/docx tidak memuat suksesi (dikirim ke luar instansi).

    \b
    Contoh:
      placement dossier hasil --format xlsx
      placement dossier hasil --format pdf --output hasil/dosir.pdf
      placement dossier hasil --format docx
      placement dossier hasil --suksesi --horizon-suksesi 3
    """
    from placement.report.dossier import write_dossier

    ds, result, record = load_solved(out, data)
    path = output or out / f"dosir.{fmt}"
    write_dossier(ds, result, path, fmt, record, top, horizon if with_succession else None)
    click.echo(text("CLI_JELASKAN_DOSIR_DITULIS_KE", lang, path=path))
