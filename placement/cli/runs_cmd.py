"""``placement runs list|rename|show|approve|verify|export`` and the ``--store`` option of solve / scenario run."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from placement.cli.base import ExitCode, echo_json, lang_option, main, user_errors
from placement.domain.errors import PlacementError, shown
from placement.domain.messages import Where, issue, text
from placement.io.writers import write_csv, write_xlsx
from placement.store.runs import DEFAULT_STORE, RunStore, withdraw_plan

F = TypeVar("F", bound=Callable[..., Any])


def store_option(func: F) -> F:
    """``--store FILE`` (env PLACEMENT_STORE; default ./placement-runs.sqlite) and ``--no-store``."""
    func = click.option(
        "--no-store", is_flag=True, help="Jangan catat run ini di penyimpanan run."
    )(func)
    return _store_arg(func)


def open_store(store: Path, *, create: bool = False) -> RunStore:
    """The run store, saying on stderr when it waits for another process's lock."""
    return RunStore(store, create=create, on_wait=lambda line: click.echo(line, err=True))


def check_store(store: Path, no_store: bool) -> None:
    """Before solving: the store can take the record (sound, keyed, lock free in time)."""
    if not no_store:
        with open_store(store, create=True) as s:
            s.check_writable()


def record_run(store: Path, no_store: bool, out_dir: Path, command: str) -> int | None:
    """Record a written plan folder; returns the run id (None with --no-store).

    When the record cannot be written (store locked past the wait, damaged), the plan is
    withdrawn from ``out_dir`` so no published plan lacks its record; see ``record_runs``."""
    return record_runs(store, no_store, [(out_dir, command)])[0]


def record_runs(store: Path, no_store: bool, folders: list[tuple[Path, str]]) -> list[int | None]:
    """Record each written plan folder in turn; on failure withdraw it and the ones not yet
    recorded, then raise (PlacementError, exit 1)."""
    if no_store:
        return [None] * len(folders)
    ids: list[int | None] = []
    try:
        with open_store(store, create=True) as s:
            for out_dir, command in folders:
                ids.append(s.record(out_dir, command))
                click.echo(f"Run dicatat: #{ids[-1]} di {store}", err=True)
    except PlacementError as exc:
        pending = [out_dir for out_dir, _ in folders[len(ids) :]]
        for out_dir in pending:
            withdraw_plan(out_dir)
        names = ", ".join(str(p) for p in pending)
        withdrawn = issue("RENCANA_DITARIK", Where(str(store)), names=names, store=store)
        raise PlacementError([*exc.issues, withdrawn]) from None
    return ids


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
    with open_store(store) as s:
        frame = s.list()
        names = s.names(lang=lang)
    if len(frame):
        frame.insert(1, "nama", [names.get(int(r), "-") for r in frame["id"]])
    click.echo(frame.to_string(index=False) if len(frame) else "Belum ada run.")


@runs_group.command(name="rename")
@click.argument("run_id", type=int)
@click.argument("name")
@_store_arg
@lang_option
@user_errors
def runs_rename(run_id: int, name: str, store: Path, lang: str) -> None:
    """Beri run sebuah nama (juga run yang sudah disetujui; nama bukan bagian hash).

    Tanpa nama, run bernama "skenario · tanggal · hash pendek"; nama kosong ("") kembali ke
    nama bawaan itu.

    
    Contoh:
      placement runs rename 3 "Rotasi camat, bobot JPM 0,6"
    """
    with open_store(store) as s:
        s.rename(run_id, name)
        shown = s.names(lang=lang)[run_id]
    click.echo(text("CLI_RUN_DINAMAI", lang, run_id=run_id, name=shown))


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
    with open_store(store) as s:
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
    with open_store(store) as s:
        run = s.approve(run_id, who, why)
    click.echo(
        f"Run #{run_id} disetujui oleh {run['disetujui_oleh']} pada {run['disetujui_pada']}."
    )
    click.echo(f"Kode verifikasi (catat di berita acara): {run['hash_persetujuan']}")


@runs_group.command(name="verify")
@click.argument("run_ids", type=int, nargs=-1)
@click.option(
    "--kode",
    "code",
    help="Kode verifikasi dari berita acara: periksa run yang disetujui dengan kode itu.",
)
@_store_arg
@lang_option
@user_errors
def runs_verify(run_ids: tuple[int, ...], code: str | None, store: Path, lang: str) -> None:
    """Periksa keutuhan run: jurnal berkunci (run, baris rencana, persetujuan), rantainya, dan
    file di folder rencananya.

    Tanpa RUN_ID: semua run yang sudah disetujui. Dengan --kode: run yang disetujui dengan kode
    verifikasi itu (dari berita acara).

    \b
    Contoh:
      placement runs verify
      placement runs verify 3 4
      placement runs verify --kode 4de94d82…
    Kode keluar: 0 utuh; 1 penyimpanan hilang, kosong, rusak atau tanpa kunci; 4 ada run yang
    berubah, hilang atau tidak dapat diverifikasi, atau kode tidak dikenal.
    """
    if code is not None and run_ids:
        raise click.UsageError("--kode tidak dapat digabung dengan RUN_ID")
    with open_store(store) as s:
        store_level = s.store_problems()
        runs = s.list()
        if code is not None:
            found = s.find_code(code)
            ids = [] if found is None else [found]
            checks = [s.verify(i, store_level) for i in ids if i in set(runs["id"])]
        else:
            ids = list(run_ids) or [int(i) for i in runs.query("disetujui_pada.notna()")["id"]]
            checks = [s.verify(i, store_level) for i in ids]
    failed = bool(store_level)
    if code is not None:
        failed |= _report_code(code, ids, checks, store)
    elif not checks:
        click.echo("Belum ada run yang disetujui.")
    if store_level:
        click.echo(f"Penyimpanan {store}: TIDAK UTUH")
        for problem in store_level:
            click.echo(f"  - {problem}")
    for c in checks:  # the store-wide problems were listed once above
        own = [p for p in c.problems if p not in c.store_problems]
        state = "TIDAK UTUH" if own else "UTUH"
        click.echo(f"Run #{c.run_id}: {state} (kode {c.code or '-'}; folder: {c.folder})")
        for problem in own:
            click.echo(f"  - {problem}")
        for note in c.notes:
            click.echo(f"  catatan: {note}")
        failed |= not c.ok
    if failed:
        sys.exit(ExitCode.AUDIT_FAILED)


def _report_code(code: str, ids: list[int], checks: list[Any], store: Path) -> bool:
    """Say which run the code belongs to; True when that does not check out."""
    if not ids:
        click.echo(
            f"Kode {shown(code, 70)} tidak dikenal di {store}: tidak ada persetujuan "
            "dengan kode itu."
        )
        return True
    click.echo(f"Kode {shown(code, 70)}: persetujuan run #{ids[0]}")
    if not checks:
        click.echo(f"Run #{ids[0]} tidak ada lagi di penyimpanan: TIDAK UTUH")
        return True
    if checks[0].code != code.strip().lower():
        click.echo(f"  - kode run #{ids[0]} sekarang {checks[0].code or '-'}, bukan kode ini")
        return True
    return False


@runs_group.command(name="export")
@click.argument("run_id", type=int)
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="File keluaran: .csv (baris rencana), .xlsx (rencana + run) atau .json.",
)
@_store_arg
@lang_option
@user_errors
def runs_export(run_id: int, out_file: Path, store: Path, lang: str) -> None:
    """Ekspor rencana satu run yang tercatat.

    \b
    Contoh:
      placement runs export 1 --out rencana-run1.xlsx
    """
    with open_store(store) as s:
        run, plan = s.show(run_id), s.plan(run_id)
    suffix = out_file.suffix.lower()
    if suffix == ".xlsx":
        meta = {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            for k, v in run.items()
        }
        import pandas as pd

        write_xlsx(
            {
                "Rencana": plan,
                "Run": pd.DataFrame(
                    {"kunci": list(meta), "nilai": [str(v) for v in meta.values()]}
                ),
            },
            out_file,
            text_columns={"Rencana": ["nip"]},
        )
    elif suffix == ".json":
        payload = {**run, "rencana": plan.to_dict(orient="records")}
        out_file.write_text(
            json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    else:
        write_csv(plan, out_file)
    click.echo(f"Run #{run_id} diekspor ke {out_file}")
