"""``placement import``: a BKPSDM's own files (SIASN export, peta jabatan, side files) → the
canonical data folder and laporan-impor.xlsx."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from placement.cli.base import DATE, ExitCode, echo_json, lang_option, main, user_errors
from placement.domain.errors import Severity
from placement.io.siasn import ImportOptions, import_siasn, report_json, write_import
from placement.io.siasn.link import FUZZY_MARGIN, FUZZY_THRESHOLD
from placement.io.siasn.sides import HUKDIS_OPEN_MONTHS

_FILE = click.Path(path_type=Path, exists=True, dir_okay=False)
SIDE_OPTIONS = (
    ("standar", "Standar kompetensi per jabatan (jabatan_id, kompetensi, level)."),
    (
        "kompetensi",
        "Hasil asesmen: panjang (nip, kompetensi, level) atau lebar (satu kolom per kompetensi).",
    ),
    ("talenta", "Pemetaan talenta: (nip, kotak) atau (nip, kinerja, potensi)."),
    ("kinerja", "e-Kinerja: (nip, tahun, predikat); dua tahun sebelum tahun rencana dipakai."),
    ("hukdis", "Hukuman disiplin: (nip, tingkat, tmt mulai, tmt selesai)."),
    ("riwayat", "Riwayat jabatan: (nip, jabatan, jenis, eselon, tmt) → tmt_jenjang."),
    ("jobfit", "Job fit JPT: (nip, hasil, tanggal)."),
    ("label-map", "Pemetaan label SIASN: (kolom, label, nilai)."),
    ("unor-map", "Pemetaan UNOR ke OPD: (unor, opd)."),
    ("tautan", "Keputusan tautan dari laporan: (nip, jabatan_id; '-' = tidak memegang jabatan)."),
)


def _side_options(func: click.decorators.FC) -> click.decorators.FC:
    for name, text in reversed(SIDE_OPTIONS):
        func = click.option(
            f"--{name}", name.replace("-", "_"), type=_FILE, default=None, help=text
        )(func)
    return func


@main.command(name="import")
@click.option("--siasn", type=_FILE, required=True, help="SIASN Export Data ASN (csv/xlsx).")
@click.option(
    "--jabatan",
    type=_FILE,
    required=True,
    help="Peta jabatan (template jabatan; boleh dengan kolom nip pemegang, siasn_jabatan_id).",
)
@_side_options
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder data keluaran (ditulis utuh hanya bila tidak ada galat).",
)
@click.option(
    "--date",
    "plan_date",
    type=DATE,
    default=None,
    help="Tanggal rencana YYYY-MM-DD (bawaan: hari ini).",
)
@click.option(
    "--ambang",
    type=click.FloatRange(0, 100),
    default=FUZZY_THRESHOLD,
    show_default=True,
    help="Skor minimal kecocokan nama jabatan (rapidfuzz).",
)
@click.option(
    "--selisih",
    type=click.FloatRange(0, 100),
    default=FUZZY_MARGIN,
    show_default=True,
    help="Calon terbaik harus lebih dekat sekian huruf (jarak edit) daripada calon kedua.",
)
@click.option(
    "--hukdis-bulan",
    type=click.IntRange(1, 120),
    default=HUKDIS_OPEN_MONTHS,
    show_default=True,
    help="Lama berlaku hukuman tanpa TMT selesai (bulan; kebijakan daerah).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@lang_option
@user_errors
def import_cmd(
    siasn: Path,
    jabatan: Path,
    out: Path,
    plan_date: datetime | None,
    ambang: float,
    selisih: float,
    hukdis_bulan: int,
    fmt: str,
    lang: str,
    **sides: Path | None,
) -> None:
    """Impor data sendiri (ekspor SIASN + peta jabatan + file pendukung) menjadi folder data.

    \b
    Contoh:
      placement import --siasn ekspor.csv --jabatan peta.xlsx --out data --date 2026-07-01
      placement import --siasn ekspor.xlsx --jabatan peta.csv --talenta talenta.csv \\
          --kinerja ekinerja.csv --tautan keputusan.csv --out data
    Kode keluar: 0 data ditulis; 1 masih ada galat (laporan-impor.xlsx tetap ditulis).
    """
    day, source = (plan_date.date(), "--date") if plan_date else (date.today(), "hari ini")
    opts = ImportOptions(
        siasn=siasn,
        jabatan=jabatan,
        plan_date=day,
        threshold=ambang,
        margin=selisih,
        hukdis_months=hukdis_bulan,
        **sides,
    )
    result = import_siasn(opts)
    report = write_import(result, out, day)
    if fmt == "json":
        echo_json(report_json(result))
    problems = [*result.issues, *result.validation]
    errors = sum(1 for i in problems if i.severity is Severity.ERROR)
    links = result.link_counts()
    click.echo(f"Tanggal rencana {day.isoformat()} ({source}).", err=fmt == "json")
    click.echo(
        f"Impor: {result.counts.get('siasn', 0)} baris SIASN, {len(result.tables['pegawai'])} pegawai, "
        f"{result.counts.get('jabatan', 0)} jabatan; tautan nip {links['nip']}, id {links['id']}, "
        f"persis {links['exact']}, mirip {links['fuzzy']}, keputusan {links['planner']}, "
        f"belum tertaut {links['tidak_tertaut']}; {errors} galat, {len(problems) - errors} peringatan.",
        err=fmt == "json",
    )
    for issue in [i for i in problems if i.severity is Severity.ERROR][:10]:
        row = f":{issue.row}" if issue.row else ""
        click.echo(f"  GALAT {issue.file}{row} {issue.code}: {issue.message(lang)}", err=True)
    if result.ok:
        click.echo(f"Folder data ditulis: {out} (laporan: {report}).", err=fmt == "json")
        return
    click.echo(
        f"Folder data TIDAK ditulis. Lihat {report}, perbaiki, lalu jalankan lagi.", err=True
    )
    sys.exit(ExitCode.USER_ERROR)
