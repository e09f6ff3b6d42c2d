"""``placement solve`` and ``placement audit``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import pandas as pd
from rich.console import Console
from rich.status import Status

from placement.cli.base import (
    ExitCode,
    date_option,
    lang_option,
    main,
    scenario_option,
    solver_options,
    user_errors,
)
from placement.cli.batch_cmd import executor_options
from placement.cli.instansi_split import PerInstansi
from placement.cli.runs_cmd import check_store, record_run, store_option
from placement.config import Skenario, plan_date_line
from placement.domain.messages import Where, failure
from placement.domain.model import Dataset
from placement.io.plan_files import OUTPUT_FILES, read_plan, read_record
from placement.plan.audit import audit_plan
from placement.plan.result import Result
from placement.solver import SolveStatus
from placement.workflow.executors import ExecutorName
from placement.workflow.inputs import load_inputs, locks_from_plan
from placement.workflow.run import PlanRun, solve_to_folder, write_alternatives


@main.command(name="solve")
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True), required=False)
@scenario_option
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder keluaran.",
)
@solver_options()
@click.option("--seed", type=int, default=None, help="Seed solver (bawaan: dari skenario, 0).")
@date_option
@click.option(
    "--locks-from",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Kunci penempatan dari rencana.xlsx/csv yang sudah diputuskan.",
)
@click.option(
    "--export-model",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tulis juga model (.lp atau .mps) untuk diperiksa dengan solver lain.",
)
@click.option(
    "--plans",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Jumlah rencana alternatif (rencana 2, 3, … di OUT/plan_2, OUT/plan_3, …).",
)
@click.option(
    "--min-difference",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Tiap rencana berbeda paling sedikit sekian penempatan dari tiap rencana sebelumnya.",
)
@click.option(
    "--elastic",
    is_flag=True,
    help="Bila tidak ada rencana atau jabatan wajib isi kosong: longgarkan aturan yang boleh "
    "dilonggarkan untuk jabatan itu (dengan penalti) dan daftar setiap pelonggaran.",
)
@click.option(
    "--horizon",
    type=click.IntRange(min=1, max=10),
    default=1,
    show_default=True,
    help="Rencana multi-tahun: tiap pegawai paling banyak sekali pindah dalam N tahun; "
    "rencana tahun pertama ditulis seperti biasa, semua tahun ke rencana_horizon.csv.",
)
@click.option(
    "--diskonto",
    type=click.FloatRange(min=0.0, max=1.0, min_open=True),
    default=1.0,
    show_default=True,
    help="Bobot tahun ke-t = diskonto^t (dengan --horizon).",
)
@click.option(
    "--pisah-instansi/--gabung-instansi",
    "per_instansi",
    default=True,
    show_default=True,
    help="Data beberapa instansi (kolom instansi jabatan): selesaikan tiap instansi sendiri "
    "ke OUT/NAMA_INSTANSI (bawaan; perpindahan antar instansi adalah proses BKN "
    "tersendiri) atau sebagai satu kumpulan.",
)
@executor_options("local")
@store_option
@lang_option
@user_errors
def solve_cmd(
    data_dir: Path | None,
    scenario: Path | None,
    out: Path,
    backend: str,
    time_limit: float | None,
    seed: int | None,
    plan_date: datetime | None,
    locks_from: Path | None,
    export_model: Path | None,
    plans: int,
    min_difference: int,
    elastic: bool,
    horizon: int,
    diskonto: float,
    per_instansi: bool,
    executor: ExecutorName,
    cluster: str | None,
    workers: int,
    store: Path,
    no_store: bool,
    lang: str,
) -> None:
    """Susun rencana penempatan optimal dan tulis file rencana ke OUT.

    \b
    Contoh:
      placement solve data-tiny --out hasil --date 2026-07-01
      placement solve data --scenario skenario.yaml --out hasil --backend mip
      placement solve data --scenario skenario.yaml --out hasil --elastic
      placement solve data-tiny --out hasil-3th --horizon 3 --diskonto 0.9
    Data beberapa instansi: tiap instansi ke OUT/NAMA_INSTANSI, dengan --executor (docs/scale.md).
    Kode keluar: 0 rencana OPTIMAL/FEASIBLE; 1 masukan salah; 3 tidak ada rencana;
    130 dihentikan (Ctrl-C/SIGTERM; tidak ada file rencana baru).
    """
    console = Console(stderr=True)
    params = click.get_current_context().params
    split = PerInstansi.of(params)
    if split.from_folder(data_dir, plan_date):
        return
    ds, sc = _inputs(console, data_dir, scenario, plan_date, locks_from, lang)
    if split.from_dataset(ds, sc):
        return
    extra: dict[str, Any] = {"data": str(sc.data), "skenario": str(scenario) if scenario else None}
    run = _solve(console, ds, sc, out, extra, params)
    _report(run, out)
    record_run(store, no_store, out, "solve")
    if plans > 1:
        extra.update(audit="lulus", pelonggaran=run.relaxed)
        _write_alternatives(ds, sc, run.result, out, params, extra)


def _solve(
    console: Console, ds: Dataset, sc: Skenario, out: Path, extra: dict[str, Any], p: dict[str, Any]
) -> PlanRun:
    """solve → audit → write the plan folder, with a status line (``p``: the command's options)."""
    if p["horizon"] > 1 and (p["elastic"] or p["plans"] > 1):
        raise click.UsageError("--horizon tidak dapat digabung dengan --elastic atau --plans")
    check_store(p["store"], p["no_store"])  # a locked or broken store fails before any plan
    with console.status("Menyusun rencana...") as status:
        return solve_to_folder(
            ds,
            sc,
            out,
            extra=extra,
            backend=p["backend"],
            time_limit=p["time_limit"],
            seed=p["seed"],
            elastic=p["elastic"],
            horizon=p["horizon"],
            discount=p["diskonto"],
            export=p["export_model"],
            progress=_progress(console, status),
            lang=p["lang"],
            notice=lambda msg: console.print(msg, markup=False, highlight=False),
        )


def _progress(console: Console, status: Status) -> Callable[[str], None]:
    """Stage messages: the status line on a terminal; timestamped lines in a log file or pipe
    (a long run started by a script leaves its stages in its log)."""
    if console.is_terminal:
        return lambda msg: status.update(msg)
    return lambda msg: console.print(
        f"[{datetime.now():%H:%M:%S}] {msg}", markup=False, highlight=False
    )


def _inputs(
    console: Console,
    data_dir: Path | None,
    scenario: Path | None,
    plan_date: datetime | None,
    locks_from: Path | None,
    lang: str,
) -> tuple[Dataset, Skenario]:
    """Data and scenario (with the locks of ``--locks-from``); the plan date and where it came
    from; a count of the data warnings."""
    ds, sc, warnings = load_inputs(data_dir, scenario, plan_date.date() if plan_date else None)
    click.echo(plan_date_line(sc, from_argument=plan_date is not None, lang=lang))
    if warnings:
        console.print(f"{len(warnings)} peringatan data (lihat 'placement validate').")
    if locks_from is not None:
        sc = sc.model_copy(update={"kunci": [*sc.kunci, *locks_from_plan(locks_from)]})
    return ds, sc


def _report(run: PlanRun, out: Path) -> None:
    """What the solve gave: no plan (its diagnosis, exit 3), or the summary, the multi-year
    figures and every relaxation used."""
    result, relaxed = run.result, run.relaxed
    if result.status is SolveStatus.INTERRUPTED:
        raise KeyboardInterrupt  # reported by user_errors: status INTERRUPTED, exit 130
    if not run.written:
        click.echo(
            f"Status: {result.status}. Tidak ada rencana yang valid; tidak ada file ditulis.",
            err=True,
        )
        if run.diagnosis:
            click.echo(run.diagnosis, err=True)
        sys.exit(ExitCode.INFEASIBLE)
    _print_summary(result.summary(), out)
    if run.horizon:
        _print_horizon(run.horizon, out)
    for r in relaxed:  # the person is in hasil.json (pelonggaran); the log names post and rules
        rules = "; ".join(f"{a['rule_id']} ({a['aktual']} vs {a['ambang']})" for a in r["aturan"])
        click.echo(f"PELONGGARAN jabatan {r['jabatan_id']}: {rules}")
    if relaxed:
        click.echo(f"{len(relaxed)} pelonggaran; pegawai yang bersangkutan: {out}/hasil.json")


def _write_alternatives(
    ds: Dataset,
    sc: Skenario,
    first: Result,
    out: Path,
    p: dict[str, Any],
    extra: dict[str, Any],
) -> None:
    """``--plans k --min-difference d``: plans 2..k into OUT/plan_i, audited, one line each
    (``p``: the command's options)."""
    k, d = p["plans"], p["min_difference"]
    written = 1
    options = {"backend": p["backend"], "time_limit": p["time_limit"], "extra": extra}
    for alt in write_alternatives(ds, sc, first, out, k, d, **options):
        written += 1
        click.echo(
            f"Rencana {alt.number}: {alt.result.status}, objektif {alt.result.objective:.4f} "
            f"(kehilangan {alt.loss:.4f}) -> {alt.out}/"
        )
    if written < k:
        click.echo(f"Hanya {written} rencana yang berbeda ≥ {d} penempatan dari yang sebelumnya.")


def _print_summary(s: dict[str, object], out: Path) -> None:
    counts = s["perpindahan"]
    assert isinstance(counts, dict)
    if s["backend"] == "horizon":  # the proof is the horizon's, printed by _print_horizon
        click.echo(f"Rencana tahun pertama dari rencana multi-tahun {s['status']}")
        click.echo(f"Objektif tahun pertama: {s['objektif']:.4f}")
    else:
        click.echo(f"Status: {s['status']} (backend {s['backend']}, gap {s['gap'] or 0:.2%})")
        click.echo(f"Objektif: {s['objektif']:.4f}  batas atas: {s['batas_atas']:.4f}")
    click.echo(
        f"Jabatan dalam lingkup: {s['jabatan_dalam_lingkup']}, terisi: {s['jabatan_terisi']}, lowong: {s['jabatan_lowong']}"
    )
    click.echo("Perpindahan: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    click.echo(f"Rantai lowongan: {s['rantai']}; audit: lulus")
    click.echo(f"File ditulis ke {out}/: {', '.join(OUTPUT_FILES)}")


def _print_horizon(h: dict[str, Any], out: Path) -> None:
    click.echo(
        f"Horizon {h['tahun']} tahun ({h['tanggal'][0]} s.d. {h['tanggal'][-1]}), diskonto "
        f"{h['diskonto']}: status {h['status']}, objektif {h['objektif_horizon']:.4f}"
    )
    click.echo(
        f"Dibanding rencana miopik (tahun demi tahun): {h['objektif_miopik']:.4f}, selisih "
        f"{h['selisih_terhadap_miopik']:+.4f}"
    )
    click.echo(
        "Perpindahan per tahun: "
        + ", ".join(map(str, h["perpindahan_per_tahun"]))
        + "; pensiun per tahun: "
        + ", ".join(map(str, h["pensiun_per_tahun"]))
    )
    click.echo(f"Semua tahun: {out}/rencana_horizon.csv, {out}/pensiun_horizon.csv")


@main.command(name="audit")
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True))
@click.argument("out", type=click.Path(path_type=Path, exists=True, file_okay=False))
@scenario_option
@click.option(
    "--plan",
    "plan_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Rencana yang diperiksa (bawaan: OUT/rencana.csv; boleh rencana.xlsx hasil edit).",
)
@lang_option
@user_errors
def audit_cmd(
    data_dir: Path, out: Path, scenario: Path | None, plan_file: Path | None, lang: str
) -> None:
    """Periksa ulang rencana terhadap data dan aturan, tanpa solver.

    \b
    Contoh:
      placement audit data-tiny hasil
      placement audit data-tiny hasil --plan hasil/rencana-edit.xlsx
    Kode keluar: 0 lulus; 1 masukan salah; 4 audit menemukan pelanggaran.
    """
    record = read_record(out)
    sc_date = record.get("tanggal_rencana")
    ds, sc, _ = load_inputs(
        data_dir, scenario, datetime.fromisoformat(sc_date).date() if sc_date else None
    )
    if scenario is None and "konfigurasi" in record:
        from placement.config import parse_scenario

        sc = parse_scenario(record["konfigurasi"], str(out / "hasil.json"))
    path = plan_file or out / "rencana.csv"
    own = plan_file is None
    plan = _read_plan(path)
    report = audit_plan(
        ds,
        sc,
        plan,
        record.get("objektif_skala") if own else None,
        relaxed=record.get("pelonggaran") or None,
    )
    for f in report.findings:
        click.echo(f"PELANGGARAN {f.code}: {f.message(lang)}")
    click.echo(f"Objektif dihitung ulang: {report.objective:.4f}")
    if not own and record.get("objektif_skala") is not None:
        diff = (report.objective_scaled or 0) - int(record["objektif_skala"])
        click.echo(f"Selisih terhadap rencana optimal: {diff / 10_000:+.4f}")
    if report.ok:
        click.echo("Audit: lulus")
    else:
        click.echo(f"Audit: GAGAL ({len(report.findings)} pelanggaran)")
        sys.exit(ExitCode.AUDIT_FAILED)


def _read_plan(path: Path) -> pd.DataFrame:
    try:
        return read_plan(path)
    except (OSError, ValueError) as exc:
        raise failure("RENCANA_TIDAK_TERBACA", Where(str(path)), exc=exc) from None
