"""``placement solve`` on data of several instansi: one data folder and one plan per instansi,
solved as a batch (placement.workflow.instansi; docs/scale.md)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from placement.cli.base import ExitCode
from placement.cli.batch_cmd import progress_printer
from placement.cli.runs_cmd import check_store, record_runs
from placement.config import Skenario, load_scenario, plan_date_line
from placement.domain.errors import PlacementError, has_errors
from placement.domain.messages import text
from placement.domain.model import Dataset
from placement.io.readers import load_dataset, read_tables
from placement.workflow.batch import run_specs, summary_frame, write_summary
from placement.workflow.executors import Executor, ExecutorName, make_executor
from placement.workflow.instansi import (
    DATA_FOLDER,
    Split,
    folder_instansi,
    instansi_specs,
    is_multi_instansi,
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
    if "nip" not in tables["pegawai"].columns or "jabatan_id" not in tables["jabatan"].columns:
        return split_data(load_dataset(source)[0], out, lang)  # validation names what is missing
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
            text("CLI_INSTANSI_PEGAWAI_DARI_INSTANSI", lang, outside=split.outside, names=names),
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
    click.echo(text("CLI_BATCH_RINGKASAN", lang) + ", ".join(str(p) for p in files))
    record_runs(
        store, no_store, [(r.out_dir, f"solve {r.name}") for r in reports if r.out_dir is not None]
    )
    if any(r.out_dir is None for r in reports):
        sys.exit(ExitCode.INFEASIBLE)


def single_options(
    locks_from: Path | None,
    export_model: Path | None,
    plans: int,
    elastic: bool,
    horizon: int,
    seed: int | None,
) -> list[str]:
    """The ``solve`` options given that apply to one instansi only."""
    given = {
        "--locks-from": locks_from is not None,
        "--export-model": export_model is not None,
        "--plans": plans > 1,
        "--elastic": elastic,
        "--horizon": horizon > 1,
        "--seed": seed is not None,
    }
    return [name for name, on in given.items() if on]


@dataclass
class PerInstansi:
    """``placement solve`` on data of several instansi (unless ``--gabung-instansi``)."""

    enabled: bool
    out: Path
    scenario: Path | None
    backend: str
    time_limit: float | None
    executor: tuple[ExecutorName, str | None, int]  # name, cluster, workers
    store: Path
    no_store: bool
    lang: str
    refused: list[str]

    @classmethod
    def of(cls, params: dict[str, Any]) -> PerInstansi:
        """From the ``solve`` command's parameters (click's ``Context.params``)."""
        p = params
        return cls(
            p["per_instansi"],
            p["out"],
            p["scenario"],
            p["backend"],
            p["time_limit"],
            (p["executor"], p["cluster"], p["workers"]),
            p["store"],
            p["no_store"],
            p["lang"],
            single_options(
                p["locks_from"],
                p["export_model"],
                p["plans"],
                p["elastic"],
                p["horizon"],
                p["seed"],
            ),
        )

    def from_folder(self, data: Path | None, plan_date: datetime | None) -> bool:
        """A csv folder whose jabatan file names several instansi: split as read and solved
        (True); False for anything else (read and validated as usual)."""
        if not self.enabled or data is None or len(folder_instansi(data)) < 2:
            return False
        sc = load_scenario(self.scenario) if self.scenario is not None else Skenario()
        if plan_date is not None:
            sc = sc.model_copy(update={"tanggal_rencana": plan_date.date()})
        click.echo(plan_date_line(sc, from_argument=plan_date is not None, lang=self.lang))
        self._solve(data, sc)
        return True

    def from_dataset(self, ds: Dataset, sc: Skenario) -> bool:
        """A Dataset (a workbook, or data named by the scenario) of several instansi."""
        if not self.enabled or not is_multi_instansi(ds):
            return False
        self._solve(ds, sc)
        return True

    def _solve(self, source: Dataset | Path, sc: Skenario) -> None:
        if self.refused:
            raise click.UsageError(
                f"{', '.join(self.refused)} berlaku untuk satu instansi: pakai --gabung-instansi, "
                f"atau selesaikan folder {self.out}/{DATA_FOLDER}/NAMA sendiri"
            )
        check_store(self.store, self.no_store)
        folders = split_data(source, self.out, self.lang)
        del source  # the whole pool is not needed while the instansi are solved
        solve_per_instansi(
            folders,
            self.scenario,
            self.out,
            backend=self.backend,
            time_limit=self.time_limit,
            plan_date=sc.tanggal_rencana,
            executor=make_executor(*self.executor),
            store=self.store,
            no_store=self.no_store,
            lang=self.lang,
        )
