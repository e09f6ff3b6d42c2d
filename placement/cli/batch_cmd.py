"""``placement batch``: many regions' data folders, each solved to OUT/NAME, with a summary;
and the ``--executor/--cluster/--workers`` options it shares with ``scenario run``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from placement.cli.base import ExitCode, F, lang_option, main, user_errors
from placement.cli.runs_cmd import check_store, record_runs, store_option
from placement.domain.messages import text
from placement.solver import BACKENDS
from placement.workflow.batch import (
    TaskReport,
    region_specs,
    run_specs,
    summary_frame,
    write_summary,
)
from placement.workflow.executors import DEFAULT_WORKERS, EXECUTORS, ExecutorName, make_executor


def executor_options(default: ExecutorName) -> Callable[[F], F]:
    """``--executor serial|local|dask`` (default ``default``), ``--cluster ADDRESS``, ``--workers N``."""

    def add(func: F) -> F:
        func = click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=DEFAULT_WORKERS,
            show_default=True,
            help="Jumlah proses pekerja (local, atau klaster Dask lokal).",
        )(func)
        func = click.option(
            "--cluster",
            default=None,
            metavar="ADDRESS",
            help="Alamat scheduler Dask yang sudah berjalan, mis. "
            "tcp://10.0.0.5:8786 (dengan --executor dask).",
        )(func)
        return click.option(
            "--executor",
            type=click.Choice(EXECUTORS),
            default=default,
            show_default=True,
            help="Tempat menyelesaikan: serial (proses ini), local (kumpulan "
            "proses di komputer ini) atau dask (klaster Dask).",
        )(func)

    return add


def progress_printer(lang: str) -> Callable[[TaskReport, int, int], None]:
    """One stderr line per finished task: ``[k/n] NAME: STATUS -> folder`` or its reason."""

    def show(report: TaskReport, done: int, total: int) -> None:
        retried = (
            ""
            if report.attempts == 1
            else (text("CLI_BATCH_PERCOBAAN", lang, attempts=report.attempts))
        )
        if report.out_dir is not None:
            line = f"{report.name}: {report.status} -> {report.out_dir}/{retried}"
        elif report.error:
            line = f"{report.name}: {report.status}: {report.error.splitlines()[0][:200]}{retried}"
        else:
            no_plan = text("CLI_BATCH_TIDAK_ADA_RENCANA", lang)
            line = f"{report.name}: {report.status}, {no_plan}{retried}"
        click.echo(f"[{done}/{total}] {line}", err=True)

    return show


@main.command(name="batch")
@click.argument(
    "dirs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False)
)
@click.option(
    "--scenario",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="File skenario YAML untuk semua wilayah (bawaan: aturan dan bobot bawaan).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder keluaran; tiap wilayah di OUT/NAMA_FOLDER, ringkasan di OUT/ringkasan.*",
)
@click.option("--backend", type=click.Choice(BACKENDS), default="auto", show_default=True)
@click.option(
    "--time-limit", type=float, default=None, help="Batas waktu solver per wilayah (detik)."
)
@executor_options("local")
@store_option
@lang_option
@user_errors
def batch_cmd(
    dirs: tuple[Path, ...],
    scenario: Path | None,
    out: Path,
    backend: str,
    time_limit: float | None,
    executor: ExecutorName,
    cluster: str | None,
    workers: int,
    store: Path,
    no_store: bool,
    lang: str,
) -> None:
    """Selesaikan banyak wilayah (satu folder data per wilayah), masing-masing ke OUT/NAMA,
    dengan ringkasan gabungan (ringkasan.xlsx dan ringkasan.json).

    \b
    Contoh:
      placement batch data/kab-a data/kab-b data/kota-c --scenario skenario.yaml --out hasil
      placement batch data/* --scenario skenario.yaml --out hasil --executor dask --workers 4
    Kode keluar: 0 semua berhasil; 1 masukan salah; 3 ada wilayah tanpa rencana atau gagal;
    130 dihentikan (Ctrl-C; folder yang sudah selesai tetap utuh, tidak ada yang setengah jadi).
    """
    specs, out_dirs = region_specs(list(dirs), scenario, out, backend, time_limit)
    check_store(store, no_store)
    runner = make_executor(executor, cluster, workers)
    click.echo(f"{len(specs)} wilayah, executor {runner.name}", err=True)
    reports = run_specs(runner, specs, out_dirs, progress_printer(lang))
    files = write_summary(reports, out)
    click.echo(summary_frame(reports).drop(columns=["folder", "alasan"]).to_string(index=False))
    click.echo(text("CLI_BATCH_RINGKASAN", lang) + ", ".join(str(p) for p in files))
    record_runs(
        store, no_store, [(r.out_dir, f"batch {r.name}") for r in reports if r.out_dir is not None]
    )
    if any(r.out_dir is None for r in reports):
        sys.exit(ExitCode.INFEASIBLE)
