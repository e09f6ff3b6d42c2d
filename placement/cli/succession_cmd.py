"""``placement succession``: successors per post with readiness, bench strength, future vacancies
and the talent map (9-box)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from placement.cli.base import (
    date_option,
    format_issues,
    lang_option,
    main,
    scenario_option,
    user_errors,
)
from placement.domain.messages import text

_DETAIL_POSTS = 15  # without --jabatan/--opd, per-post lists are printed up to this many posts


@main.command(name="succession")
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True), required=False)
@click.option(
    "--jabatan", "jabatan_ids", multiple=True, help="ID jabatan (boleh diulang): hanya jabatan ini."
)
@click.option("--opd", help="Nama OPD (unit_kerja jabatan): hanya jabatan OPD ini.")
@scenario_option
@date_option
@click.option(
    "--horizon",
    type=click.IntRange(1, 10),
    default=2,
    show_default=True,
    help="Horizon perencanaan dalam tahun (siap 1–N tahun, lowong mendatang).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Jumlah penerus teratas per jabatan untuk tiap tingkat kesiapan.",
)
@click.option(
    "--sotk",
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV perubahan SOTK: jabatan_id, perubahan (dibentuk/dihapus), tanggal.",
)
@click.option(
    "--putaran-sebelumnya",
    "previous",
    type=click.Path(path_type=Path, exists=True),
    help="Folder/file data putaran asesmen sebelumnya (pegawai: nip, kotak_talenta): "
    "matriks perpindahan kotak.",
)
@click.option(
    "--nama",
    "names",
    is_flag=True,
    help="Tambahkan sheet Talenta Pegawai (nama per kotak talenta).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File xlsx keluaran (mis. suksesi.xlsx).",
)
@lang_option
@user_errors
def succession_cmd(
    data_dir: Path | None,
    jabatan_ids: tuple[str, ...],
    opd: str | None,
    scenario: Path | None,
    plan_date: datetime | None,
    horizon: int,
    top: int,
    sotk: Path | None,
    previous: Path | None,
    names: bool,
    out: Path | None,
    lang: str,
) -> None:
    """Suksesi: calon pengganti tiap jabatan struktural dengan tingkat kesiapan, kekuatan
    suksesi (per jabatan dan per OPD), jabatan yang akan lowong, dan peta talenta (kotak 9).

    \b
    Kesiapan:
      siap sekarang      layak pada tanggal rencana (urut skor total optimiser)
      siap 1–N tahun     hanya terhalang aturan waktu; tanggal siap dihitung tepat
      perlu pengembangan kotak 7–9, terhalang aturan yang dapat dikembangkan
    Lowong mendatang: BUP pemegang, lewat masa jabatan maksimum, perubahan SOTK (--sotk).
    Jabatan kritis (JPT dan wajib_isi) tampil lebih dahulu.

    \b
    Contoh:
      placement succession data --date 2026-07-01
      placement succession data --jabatan J-001 --horizon 3 --top 10
      placement succession data --opd "Dinas Kesehatan" --out suksesi.xlsx
      placement succession data --sotk sotk.csv --putaran-sebelumnya data-2024 --nama --out s.xlsx
    """
    from placement.io.writers import write_xlsx
    from placement.succession.future import read_sotk
    from placement.succession.sheets import TEXT_COLUMNS, report_sheets, succession_report
    from placement.succession.talent_map import read_previous_round
    from placement.succession.text import summary_text
    from placement.workflow.inputs import load_inputs

    ds, sc, warnings = load_inputs(data_dir, scenario, plan_date.date() if plan_date else None)
    if warnings:
        n = len(warnings)
        click.echo(
            text("CLI_SAMARAN_PERINGATAN_DATA", lang, n_warnings=n),
            err=True,
        )
    changes = None
    if sotk is not None:
        changes, sotk_warnings = read_sotk(sotk, ds)
        if sotk_warnings:
            click.echo(format_issues(sotk_warnings, lang), err=True)
    prev = read_previous_round(previous) if previous is not None else None
    report = succession_report(
        ds,
        sc,
        horizon,
        top=top,
        jabatan_ids=list(jabatan_ids) or None,
        opd=opd,
        sotk=changes,
        previous=prev,
        names=names,
        lang=lang,
    )
    detail = bool(jabatan_ids) or opd is not None or len(report.succ.posts) <= _DETAIL_POSTS
    click.echo(summary_text(report, detail))
    if out is not None:
        sheets = report_sheets(report)
        write_xlsx(sheets, out, {name: list(TEXT_COLUMNS) for name in sheets})
        click.echo(text("CLI_DITULIS_KE", lang, out_file=out), err=True)
