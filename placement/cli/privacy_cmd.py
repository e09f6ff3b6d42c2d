"""``placement pseudonymize`` and ``placement depseudonymize`` (UU 27/2022 PDP; docs/privacy.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from placement.cli.base import lang_option, main, user_errors
from placement.privacy import depseudonymize_plan, pseudonymize_path


def _t(lang: str, text_id: str, text_en: str) -> str:
    return text_en if lang == "en" else text_id


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
        _t(
            lang,
            f"Data samaran ({report.people} pegawai) ditulis ke {report.out_dir}/: "
            f"{', '.join(p.name for p in report.files)}",
            f"Pseudonymised data ({report.people} people) written to {report.out_dir}/: "
            f"{', '.join(p.name for p in report.files)}",
        )
    )
    click.echo(
        _t(
            lang,
            "Disamarkan: nip, nama (dan nip di kompetensi); kolom tak dikenal dibuang. "
            "Tetap: tanggal lahir, TMT, jenis kelamin, golongan, jabatan, unit kerja, "
            "pendidikan, kotak talenta, kinerja, hukuman disiplin, kompetensi.",
            "Masked: nip, nama (and nip in kompetensi); unknown columns dropped. Kept: "
            "birth date, TMTs, gender, grade, post, unit, education, talent box, "
            "performance, discipline, competencies.",
        )
    )
    if ps.collisions or ps.reused:
        click.echo(
            _t(
                lang,
                f"Nomor urut bentrok diselesaikan: {ps.collisions}; samaran lama dipakai "
                f"lagi: {ps.reused}.",
                f"Sequence collisions resolved: {ps.collisions}; earlier pseudonyms "
                f"reused: {ps.reused}.",
            )
        )
    if report.warnings:
        click.echo(
            _t(
                lang,
                f"{len(report.warnings)} peringatan data (lihat 'placement validate').",
                f"{len(report.warnings)} data warning(s) (see 'placement validate').",
            ),
            err=True,
        )
    action = (
        _t(lang, "dibuat", "created") if report.key_created else _t(lang, "diperbarui", "updated")
    )
    click.echo(
        _t(
            lang,
            f"PERINGATAN: file kunci {action}: {report.key_path}. File ini RAHASIA (kunci dan "
            "peta ke NIP dan nama asli): jangan dibagikan; simpan untuk 'placement "
            "depseudonymize'.",
            f"WARNING: key file {action}: {report.key_path}. This file is SECRET (key and "
            "map to the original NIPs and names): do not share it; keep it for 'placement "
            "depseudonymize'.",
        ),
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
    click.echo(
        _t(
            lang,
            f"Rencana dengan NIP dan nama asli ditulis ke {out_dir}/ ({len(written)} file).",
            f"Plan with the original NIPs and names written to {out_dir}/ ({len(written)} files).",
        )
    )
    click.echo(
        _t(
            lang,
            "Folder ini berisi data pribadi: jangan dibagikan.",
            "This folder holds personal data: do not share it.",
        ),
        err=True,
    )
