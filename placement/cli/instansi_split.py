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
from placement.domain.errors import PlacementError, has_errors
from placement.domain.model import Dataset
from placement.io.readers import read_tables
from placement.workflow.batch import run_specs, summary_frame, write_summary
from placement.workflow.executors import Executor
from placement.workflow.instansi import (
    DATA_FOLDER,
    Split,
    instansi_specs,
    split_by_instansi,
    split_tables,
    write_parts,
)


def split_data(source: Dataset | Path, out: Path, lang: str) -> dict[str, Path]:
    """Split a Dataset, or a csv data folder as read (not validated here: each instansi's solve
    validates its own part), by instansi; each part goes under ``out/data-per-instansi``."""
    if isinstance(source, Dataset):
        split, parts = split_by_instansi(source)
        _announce(split, lang)
        return write_parts(parts, out)
    tables, issues, _ = read_tables(source)
    if has_errors(issues):
        raise PlacementError(issues)
    split, raw = split_tables(tables)
    del tables
    _announce(split, lang)
    return write_parts(raw, out)


def _announce(split: Split, lang: str) -> None:
    n = len(split.names)
    if lang == "id":
        click.echo(
            f"Data berisi {n} instansi: diselesaikan per instansi (perpindahan antar "
            "instansi tidak direncanakan; --gabung-instansi untuk satu kumpulan)"
        )
    else:
        click.echo(
            f"The data holds {n} instansi: solved per instansi (moves between instansi "
            "are not planned; --gabung-instansi for one pool)"
        )
    if split.outside:
        names = ", ".join(split.outside_names[:5])
        click.echo(
            f"{split.outside} pegawai dari instansi tanpa jabatan di data tidak ikut ({names})"
            if lang == "id"
            else f"{split.outside} people of instansi without posts in the data left out ({names})",
            err=True,
        )


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
    click.echo(f"Data per instansi: {out / DATA_FOLDER}/", err=True)
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
