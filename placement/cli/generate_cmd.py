"""``placement generate``: write a synthetic region (preset or own jabatan table) as input files."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Literal, cast

import click

from placement.cli.base import format_option, lang_option, main, user_errors
from placement.domain.messages import text
from placement.domain.model import Dataset
from placement.io.writers import write_dataset
from placement.synth import PRESETS, generate, generate_for_structure, preset_plan_date
from placement.synth.jabatan_file import read_jabatan
from placement.synth.presets import DEFAULT_PLAN_DATE, PresetName

LARGE_PRESETS = frozenset({"provinsi", "nasional"})
KIND_LABEL = {
    "JPT_MADYA": "JPT Madya",
    "JPT_PRATAMA": "JPT Pratama",
    "ADMINISTRATOR": "administrator",
    "PENGAWAS": "pengawas",
}


def _num(n: float, lang: str, digits: int = 0) -> str:
    """Number with thousands separators ("3.000" / "3,000"; "12,5" / "12.5")."""
    text = f"{n:,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def summary_lines(ds: Dataset, lang: str) -> list[str]:
    """People, posts per kind and vacancies, one fact a line."""
    peg, jab = ds.pegawai, ds.jabatan
    held = jab["jabatan_id"].isin(peg["jabatan_id"].dropna())
    status = peg["status"].value_counts()
    by_kind = jab["jenis_jabatan"].value_counts()
    kinds = ", ".join(
        f"{KIND_LABEL[k]} {_num(int(by_kind[k]), lang)}" for k in KIND_LABEL if k in by_kind
    )
    vacant = int((~held).sum())
    share = _num(100.0 * vacant / max(1, len(jab)), lang, 1)
    pns, pppk = _num(int(status.get("PNS", 0)), lang), _num(int(status.get("PPPK", 0)), lang)
    if lang == "id":
        return [
            f"  pegawai : {_num(len(peg), lang)} (PNS {pns}, PPPK {pppk})",
            f"  jabatan : {_num(len(jab), lang)} ({kinds})",
            f"  lowong  : {_num(vacant, lang)} ({share} %)",
        ]
    return [
        f"  people    : {_num(len(peg), lang)} (PNS {pns}, PPPK {pppk})",
        f"  posts     : {_num(len(jab), lang)} ({kinds})",
        f"  vacancies : {_num(vacant, lang)} ({share} %)",
    ]


@main.command(name="generate")
@click.option(
    "--preset",
    type=click.Choice(list(PRESETS)),
    default=None,
    help="Ukuran wilayah sintetis: tiny (12 jabatan), kabupaten (±3.000 ASN), "
    "provinsi (±20.000 ASN), nasional (±100.000 ASN).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Benih acak; seed sama = data sama persis.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, writable=True, path_type=Path),
    help="Folder keluaran (dibuat bila belum ada).",
)
@format_option(["csv", "xlsx"], help="csv: empat file csv; xlsx: satu data.xlsx.")
@click.option(
    "--jabatan",
    "jabatan_file",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Tabel jabatan milik daerah (csv atau xlsx format template): pegawai "
    "sintetis dibuat untuk jabatan ini, bukan untuk preset.",
)
@lang_option
@user_errors
def generate_command(
    preset: str | None, seed: int, out_dir: Path, fmt: str, jabatan_file: Path | None, lang: str
) -> None:
    """Buat data ASN sintetis (pegawai, jabatan, kompetensi, standar kompetensi) untuk mencoba
    dan menguji tanpa data pribadi. Tanggal rencana preset tetap (2026-07-01).

    \b
    Contoh:
      placement generate --preset tiny --out data-tiny
      placement generate --preset kabupaten --seed 7 --out data-kab --format xlsx
      placement generate --jabatan jabatan.xlsx --seed 1 --out data-saya
    """
    if (preset is None) == (jabatan_file is None):
        raise click.UsageError(text("CLI_BUAT_PILIH_TEPAT_SATU", lang))
    start = time.perf_counter()
    if jabatan_file is not None:
        label, plan_date = jabatan_file.name, DEFAULT_PLAN_DATE
        ds = generate_for_structure(read_jabatan(jabatan_file), seed, plan_date=plan_date)
    else:
        label, plan_date = str(preset), preset_plan_date(str(preset))
        _progress(label, lang)
        ds = generate(cast(PresetName, label), seed)
    built = time.perf_counter()
    files = write_dataset(ds, out_dir, cast(Literal["csv", "xlsx"], fmt))
    done = time.perf_counter()
    _report(ds, label, seed, plan_date.isoformat(), files, (built - start, done - built), lang)


def _progress(preset: str, lang: str) -> None:
    if preset in LARGE_PRESETS:
        n = _num(PRESETS[preset].n_people, lang)
        click.echo(
            text("CLI_BUAT_MEMBUAT_WILAYAH_SINTETIS", lang, preset=preset, n=n),
            err=True,
        )


def _report(
    ds: Dataset,
    label: str,
    seed: int,
    plan_date: str,
    files: list[Path],
    seconds: tuple[float, float],
    lang: str,
) -> None:
    names = ", ".join(str(f) for f in files)
    gen, write = (_num(s, lang, 1) for s in seconds)
    if lang == "id":
        click.echo(f"Data sintetis '{label}' (seed {seed}, tanggal rencana {plan_date}):")
        tail = [f"  file    : {names}", f"  waktu   : {gen} s membuat, {write} s menulis"]
    else:
        click.echo(f"Synthetic data '{label}' (seed {seed}, plan date {plan_date}):")
        tail = [f"  files     : {names}", f"  time      : {gen} s generating, {write} s writing"]
    for line in [*summary_lines(ds, lang), *tail]:
        click.echo(line)
