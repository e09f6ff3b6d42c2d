"""``placement runs list|show|approve|verify|export`` and the ``--store`` option of solve / scenario run."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from placement.cli.base import echo_json, lang_option, main, user_errors
from placement.io.writers import write_csv, write_xlsx
from placement.store.runs import DEFAULT_STORE, RunStore

F = TypeVar("F", bound=Callable[..., Any])


def store_option(func: F) -> F:
    """``--store FILE`` (env PLACEMENT_STORE; default ./placement-runs.sqlite) and ``--no-store``."""
    func = click.option(
        "--no-store", is_flag=True, help="Jangan catat run ini di penyimpanan run."
    )(func)
    return _store_arg(func)


def record_run(store: Path, no_store: bool, out_dir: Path, command: str) -> int | None:
    """Record a written plan folder; returns the run id (None with --no-store)."""
    if no_store:
        return None
    with RunStore(store) as s:
        run_id = s.record(out_dir, command)
    click.echo(f"Run dicatat: #{run_id} di {store}", err=True)
    return run_id


def _store_arg(func: F) -> F:
    return click.option(
        "--store",
        type=click.Path(path_type=Path, dir_okay=False),
        envvar="PLACEMENT_STORE",
        default=DEFAULT_STORE,
        show_default=True,
        help="File SQLite penyimpanan run.",
    )(func)


@main.group(name="runs")
def runs_group() -> None:
    """Riwayat run (SQLite): daftar, rincian, persetujuan, ekspor.

    \b
    Contoh:
      placement runs list
      placement runs approve 3 --by "Kepala BKPSDM" --reason "Rapat Baperjakat 2026-07-01"
    """


@runs_group.command(name="list")
@_store_arg
@lang_option
@user_errors
def runs_list(store: Path, lang: str) -> None:
    """Daftar run yang tercatat.

    \b
    Contoh:
      placement runs list --store placement-runs.sqlite
    """
    with RunStore(store) as s:
        frame = s.list()
    click.echo(frame.to_string(index=False) if len(frame) else "Belum ada run.")


@runs_group.command(name="show")
@click.argument("run_id", type=int)
@_store_arg
@lang_option
@user_errors
def runs_show(run_id: int, store: Path, lang: str) -> None:
    """Rincian satu run (JSON): masukan dan hash-nya, konfigurasi, versi, KPI, persetujuan.

    \b
    Contoh:
      placement runs show 1
    """
    with RunStore(store) as s:
        echo_json(s.show(run_id))


@runs_group.command(name="approve")
@click.argument("run_id", type=int)
@click.option("--by", "who", required=True, help="Nama/jabatan yang menyetujui.")
@click.option("--reason", "why", required=True, help="Alasan/dasar persetujuan.")
@_store_arg
@lang_option
@user_errors
def runs_approve(run_id: int, who: str, why: str, store: Path, lang: str) -> None:
    """Setujui run; sesudahnya run dan baris rencananya tidak dapat diubah atau dihapus.

    \b
    Contoh:
      placement runs approve 1 --by "Kepala BKPSDM" --reason "Rapat Baperjakat"
    """
    with RunStore(store) as s:
        run = s.approve(run_id, who, why)
    click.echo(
        f"Run #{run_id} disetujui oleh {run['disetujui_oleh']} pada {run['disetujui_pada']}."
    )
    click.echo(f"Kode verifikasi (catat di berita acara): {run['hash_persetujuan']}")


@runs_group.command(name="verify")
@click.argument("run_ids", type=int, nargs=-1)
@_store_arg
@lang_option
@user_errors
def runs_verify(run_ids: tuple[int, ...], store: Path, lang: str) -> None:
    """Periksa keutuhan run: hash baris rencana, data persetujuan, dan file di folder rencananya.

    Tanpa RUN_ID: semua run yang sudah disetujui.

    \b
    Contoh:
      placement runs verify
      placement runs verify 3 4
    Kode keluar: 0 utuh; 4 ada run yang berubah atau tidak dapat diverifikasi.
    """
    with RunStore(store) as s:
        ids = list(run_ids) or [int(i) for i in s.list().query("disetujui_pada.notna()")["id"]]
        checks = [s.verify(i) for i in ids]
    if not checks:
        click.echo("Belum ada run yang disetujui.")
    for c in checks:
        state = "UTUH" if c.ok else "TIDAK UTUH"
        click.echo(f"Run #{c.run_id}: {state} (kode {c.code or '-'}; folder: {c.folder})")
        for problem in c.problems:
            click.echo(f"  - {problem}")
    if not all(c.ok for c in checks):
        sys.exit(4)


@runs_group.command(name="export")
@click.argument("run_id", type=int)
@click.option("--out", "out_file", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="File keluaran: .csv (baris rencana), .xlsx (rencana + run) atau .json.")  # fmt: skip
@_store_arg
@lang_option
@user_errors
def runs_export(run_id: int, out_file: Path, store: Path, lang: str) -> None:
    """Ekspor rencana satu run yang tercatat.

    \b
    Contoh:
      placement runs export 1 --out rencana-run1.xlsx
    """
    with RunStore(store) as s:
        run, plan = s.show(run_id), s.plan(run_id)
    suffix = out_file.suffix.lower()
    if suffix == ".xlsx":
        meta = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                for k, v in run.items()}  # fmt: skip
        import pandas as pd

        write_xlsx({"Rencana": plan, "Run": pd.DataFrame({"kunci": list(meta), "nilai": [str(v) for v in meta.values()]})},
                   out_file, text_columns={"Rencana": ["nip"]})  # fmt: skip
    elif suffix == ".json":
        payload = {**run, "rencana": plan.to_dict(orient="records")}
        out_file.write_text(
            json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    else:
        write_csv(plan, out_file)
    click.echo(f"Run #{run_id} diekspor ke {out_file}")
