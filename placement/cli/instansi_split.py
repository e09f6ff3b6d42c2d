"""``placement solve`` on data of several instansi: one data folder and one plan per instansi,
solved as a batch (placement.workflow.instansi; docs/scale.md)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from placement.cli.base import ExitCode
from placement.cli.batch_cmd import progress_printer
from placement.cli.runs_cmd import record_runs
from placement.domain.model import Dataset
from placement.workflow.batch import run_specs, summary_frame, write_summary
from placement.workflow.executors import Executor
from placement.workflow.instansi import DATA_FOLDER, instansi_specs, split_by_instansi, write_parts


def split_to_folders(ds: Dataset, out: Path, lang: str) -> dict[str, Path]:
    """Split ``ds`` by instansi and write each part under ``out/data-per-instansi``."""
    split = split_by_instansi(ds)
    n = len(split.parts)
    if lang == "id":
        click.echo(
            f"Data berisi {n} instansi: diselesaikan per instansi (perpindahan antar "
            f"instansi tidak direncanakan; --gabung-instansi untuk satu kumpulan)"
        )
    else:
        click.echo(
            f"The data holds {n} instansi: solved per instansi (moves between instansi "
            f"are not planned; --gabung-instansi for one pool)"
        )
    if split.outside:
        names = ", ".join(split.outside_names[:5])
        click.echo(
            f"{split.outside} pegawai dari instansi tanpa jabatan di data tidak ikut ({names})"
            if lang == "id"
            else f"{split.outside} people of instansi without posts in the data left out ({names})",
            err=True,
        )
    folders = write_parts(split, out)
    click.echo(f"Data per instansi: {out / DATA_FOLDER}/", err=True)
    return folders


def solve_per_instansi(
    folders: dict[str, Path],
    scenario: Path | None,
    out: Path,
    *,
    backend: str,
    time_limit: float | None,
    plan_date: date,
    executor: Executor,
    store: Path,
    no_store: bool,
    lang: str,
) -> None:
    """Solve every instansi folder to ``out/<instansi>``, write ``out/ringkasan.*``, record each
    plan; exit 3 when an instansi has no plan."""
    specs, out_dirs = instansi_specs(
        folders, scenario, out, backend=backend, time_limit=time_limit, plan_date=plan_date
    )
    click.echo(f"{len(specs)} instansi, executor {executor.name}", err=True)
    reports = run_specs(executor, specs, out_dirs, progress_printer(lang))
    files = write_summary(reports, out)
    table = summary_frame(reports).drop(columns=["folder", "alasan"])
    click.echo(table.rename(columns={"wilayah": "instansi"}).to_string(index=False))
    click.echo(("Ringkasan: " if lang == "id" else "Summary: ") + ", ".join(str(p) for p in files))
    record_runs(
        store, no_store, [(r.out_dir, f"solve {r.name}") for r in reports if r.out_dir is not None]
    )
    if any(r.out_dir is None for r in reports):
        sys.exit(ExitCode.INFEASIBLE)
