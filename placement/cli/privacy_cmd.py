"""``placement pseudonymize`` and ``placement depseudonymize`` (UU 27/2022 PDP; docs/privacy.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from placement.cli.base import lang_option, main, user_errors
from placement.domain.messages import text
from placement.privacy import depseudonymize_plan, pseudonymize_path


@main.command(name="pseudonymize")
@click.argument("data", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder baru untuk data samaran (yang boleh dibagikan).",
)
@click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File kunci (dibaca bila ada, dibuat bila belum). Bawaan: OUT.kunci.json di "
    "sebelah folder OUT, tidak pernah di dalamnya.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx"]),
    default=None,
    help="Bentuk data samaran (bawaan: sama dengan data asli).",
)
@click.option("--force", is_flag=True, help="Ganti file data yang sudah ada di OUT.")
@lang_option
@user_errors
def pseudonymize_cmd(
    data: Path,
    out_dir: Path,
    key_path: Path | None,
    fmt: Literal["csv", "xlsx"] | None,
    force: bool,
    lang: str,
) -> None:
    """Salin data dengan NIP dan nama diganti samaran, untuk dibagikan (mis. ke konsultan).

    NIP samaran memakai HMAC-SHA256 dengan kunci rahasia: 15 digit pertama (tanggal lahir,
    TMT CPNS, jenis kelamin) tetap, nomor urut diganti, sehingga rencana dari data samaran
    sama dengan rencana dari data asli. Nama menjadi "Pegawai XXXXXXXX". Kunci dan peta
    samaran ke NIP asli disimpan di file kunci, di luar folder OUT: rahasiakan.

    \b
    Contoh:
      placement pseudonymize data --out data-samaran
      placement pseudonymize data/data.xlsx --out data-samaran --key rahasia/bkpsdm.kunci.json
      placement depseudonymize hasil-konsultan --key data-samaran.kunci.json --out hasil-asli
    """
    report = pseudonymize_path(data, out_dir, key_path, fmt=fmt, force=force)
    ps = report.pseudonyms
    click.echo(
        text(
            "CLI_SAMARAN_DITULIS",
            lang,
            people=report.people,
            out_dir=report.out_dir,
            files=", ".join(p.name for p in report.files),
        )
    )
    click.echo(text("CLI_SAMARAN_RINCIAN", lang))
    if ps.collisions or ps.reused:
        click.echo(text("CLI_SAMARAN_BENTROK", lang, collisions=ps.collisions, reused=ps.reused))
    if report.warnings:
        click.echo(
            text("CLI_SAMARAN_PERINGATAN_DATA", lang, n_warnings=len(report.warnings)),
            err=True,
        )
    action = text("CLI_KUNCI_DIBUAT" if report.key_created else "CLI_KUNCI_DIPERBARUI", lang)
    click.echo(
        text("CLI_KUNCI_PERINGATAN", lang, action=action, key_path=report.key_path),
        err=True,
    )


@main.command(name="depseudonymize")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.option(
    "--key",
    "key_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="File kunci yang ditulis oleh 'placement pseudonymize'.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder keluaran untuk rencana dengan NIP dan nama asli.",
)
@lang_option
@user_errors
def depseudonymize_cmd(plan_dir: Path, key_path: Path, out_dir: Path, lang: str) -> None:
    """Kembalikan NIP dan nama asli pada folder rencana yang disusun dari data samaran.

    Membaca rencana.csv, rencana.xlsx, lowong.csv, shortlist_jpt.csv, rantai.csv dan
    hasil.json (juga sub-folder plan_2, plan_3, …) dan menulisnya ke OUT. Hasilnya berisi
    data pribadi: jangan dibagikan kembali.

    \b
    Contoh:
      placement depseudonymize hasil-konsultan --key data-samaran.kunci.json --out hasil-asli
    """
    written = depseudonymize_plan(plan_dir, key_path, out_dir)
    click.echo(text("CLI_ASLI_DITULIS", lang, out_dir=out_dir, n_written=len(written)))
    click.echo(
        text("CLI_ASLI_PRIBADI", lang),
        err=True,
    )
