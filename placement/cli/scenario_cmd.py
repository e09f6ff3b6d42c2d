"""``placement scenario run``, ``placement compare`` and ``placement frontier``.

Exit code 5: a gate (``gerbang``) failed (with ``--gates``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

import click
import pandas as pd

from placement.cli.base import (
    ExitCode,
    F,
    format_option,
    lang_option,
    main,
    solver_options,
    user_errors,
)
from placement.cli.batch_cmd import executor_options, progress_printer
from placement.cli.runs_cmd import check_store, record_runs, store_option
from placement.config import BASELINE, Gerbang, Skenario, load_scenario, plan_date_line
from placement.domain.messages import Where, failure
from placement.domain.messages import text as message
from placement.io.writers import csv_text, write_csv
from placement.plan.compare import (
    KPIS,
    PlanFiles,
    check_gates,
    kpi_table,
    plan_kpis,
    read_plan_dir,
    same_weights,
    unique_names,
)
from placement.plan.compare_readable import (
    PlanData,
    difference_lines,
    opd_table,
    readable_table,
    readable_text,
    with_data,
    write_comparison_xlsx,
)
from placement.plan.review import differences
from placement.workflow.batch import run_specs, sweep_specs, variant_runs
from placement.workflow.executors import ExecutorName, make_executor
from placement.workflow.variants import (
    DataCache,
    VariantRun,
    load_variants,
    run_variant,
    variant_dir,
)


def data_option(func: F) -> F:
    """``--data DIR``: the data folder, overriding the scenario's ``data:`` key."""
    return click.option(
        "--data",
        "data",
        type=click.Path(path_type=Path, exists=True, file_okay=False),
        default=None,
        help="Folder data (menggantikan kunci 'data:' skenario).",
    )(func)


@main.group(name="scenario")
def scenario_group() -> None:
    """Jalankan skenario beserta variannya.

    \b
    Contoh:
      placement scenario run scenarios/kabupaten-dasar/skenario.yaml --all --gates
    """


@scenario_group.command(name="run")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--variant",
    "variants",
    multiple=True,
    help="Nama varian (boleh diulang; 'dasar' = skenario dasar).",
)
@click.option("--all", "run_all", is_flag=True, help="Skenario dasar dan semua varian.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder keluaran; tiap varian di OUT/NAMA (bawaan: FOLDER_SKENARIO/hasil).",
)
@data_option
@click.option("--gates", is_flag=True, help="Keluar dengan kode 5 bila ada gerbang yang gagal.")
@solver_options("per varian")
@executor_options("serial")
@store_option
@lang_option
@user_errors
def scenario_run_cmd(
    file: Path,
    variants: tuple[str, ...],
    run_all: bool,
    out: Path | None,
    data: Path | None,
    gates: bool,
    backend: str,
    time_limit: float | None,
    executor: ExecutorName,
    cluster: str | None,
    workers: int,
    store: Path,
    no_store: bool,
    lang: str,
) -> None:
    """Selesaikan skenario dasar dan/atau variannya, masing-masing ke foldernya sendiri.

    \b
    Contoh:
      placement scenario run scenarios/tiny/skenario.yaml --all --out hasil-skenario
      placement scenario run skenario.yaml --variant hemat --data data --gates
      placement scenario run skenario.yaml --all --executor dask --cluster tcp://10.0.0.5:8786
    Kode keluar: 0 berhasil; 1 masukan salah; 3 varian tanpa rencana; 5 gerbang gagal (--gates).
    """
    all_variants = load_variants(file)
    if run_all:
        names = list(all_variants)
    elif variants:
        unknown = [v for v in variants if v not in all_variants]
        if unknown:
            raise failure(
                "VARIAN_TIDAK_ADA",
                Where(str(file)),
                "VARIAN_TIDAK_ADA_DAFTAR",
                unknown=", ".join(unknown),
                all_variants=", ".join(all_variants),
            )
        names = list(dict.fromkeys(variants))
    else:
        names = [BASELINE]
    out_root = out if out is not None else file.parent / "hasil"
    dirs = {name: variant_dir(out_root, name) for name in names}  # all checked before solving
    check_store(store, no_store)
    if executor == "serial" and cluster is None:
        runs = _run_serial(file, names, all_variants, dirs, data, backend, time_limit, lang)
    else:
        runner = make_executor(executor, cluster, workers)
        specs = sweep_specs(file, names, data, backend, time_limit)
        reports = run_specs(runner, specs, [dirs[n] for n in names], progress_printer(lang))
        runs = variant_runs(reports, all_variants)
    _print_runs(runs, lang)
    record_runs(
        store,
        no_store,
        [
            (r.out_dir, f"scenario run {file} --variant {r.name}")
            for r in runs
            if r.out_dir is not None
        ],
    )
    if any(r.out_dir is None for r in runs):
        sys.exit(ExitCode.INFEASIBLE)
    if gates and not all(r.gates_ok for r in runs):
        sys.exit(ExitCode.GATE_FAILED)


def _run_serial(
    file: Path,
    names: list[str],
    variants: dict[str, Skenario],
    dirs: dict[str, Path],
    data: Path | None,
    backend: str,
    time_limit: float | None,
    lang: str,
) -> list[VariantRun]:
    """Each variant in turn in this process (one data read per data folder)."""
    cache = DataCache(data)
    runs: list[VariantRun] = []
    for name in names:
        day = plan_date_line(variants[name], lang=lang)
        click.echo(
            message("CLI_VARIAN_MENYELESAIKAN", lang, name=name, day=day),
            err=True,
        )
        runs.append(
            run_variant(
                name,
                variants[name],
                cache,
                dirs[name],
                scenario_file=file,
                backend=backend,
                time_limit=time_limit,
            )
        )
    return runs


SHOWN = [
    "objektif",
    "jabatan_terisi",
    "lowong",
    "jpm_rata",
    "pejabat_berpindah",
    "promosi",
    "rotasi",
    "mutasi",
    "porsi_berubah_opd_maks",
]


def _print_runs(runs: list[VariantRun], lang: str) -> None:
    for r in runs:
        if r.out_dir is None:
            click.echo(message("CLI_VARIAN_TANPA_RENCANA", lang, name=r.name, status=r.status))
            continue
        click.echo(f"{r.name}: {r.status} -> {r.out_dir}/")
        for g in r.gates:
            click.echo(f"  {message('CLI_GERBANG', lang)} {g.describe(lang)}")
    done = [r for r in runs if r.out_dir is not None]
    if done:
        frame = pd.DataFrame({r.name: pd.Series(r.kpis, dtype=object) for r in done}).loc[SHOWN]
        click.echo(_format_table(frame.reset_index().rename(columns={"index": "kpi"})))
    failed = sum(1 for r in done for g in r.gates if not g.ok)
    total = sum(len(r.gates) for r in done)
    if total:
        click.echo(message("CLI_GERBANG_LULUS", lang, passed=total - failed, total=total))


def _format_table(frame: pd.DataFrame) -> str:
    def cell(v: object) -> str:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return "-"
        if isinstance(v, float):
            return f"{v:.4f}"
        return str(v)

    return frame.map(cell).to_string(index=False)  # every cell, None too (formatters skip it)


def _gates_from(path: Path) -> list[Gerbang]:
    return load_scenario(path).gerbang


@main.command(name="compare")
@click.argument(
    "outs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False)
)
@format_option(["table", "csv", "xlsx", "json", "pdf"])
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Tulis ke file (wajib untuk xlsx dan pdf).",
)
@click.option(
    "--gates",
    "gates_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Skenario YAML yang gerbangnya diperiksa pada tiap rencana.",
)
@click.option(
    "--rinci",
    "detail",
    is_flag=True,
    help="Format table: cantumkan NIP pegawai dan pemegang jabatan yang berbeda "
    "(bawaan: hanya jumlah per jenis perpindahan dan per OPD).",
)
@lang_option
@user_errors
def compare_cmd(
    outs: tuple[Path, ...],
    fmt: str,
    out_file: Path | None,
    gates_file: Path | None,
    detail: bool,
    lang: str,
) -> None:
    """Bandingkan rencana (folder keluaran solve / scenario run) dengan kata-kata pimpinan.

    Per rencana: jabatan terisi, perpindahan per jenis dan OPD, pejabat lewat masa jabatan
    yang dipindahkan, promosi dari kotak 9 dan 7–8, JPM rata-rata, persetujuan yang diperlukan,
    risiko (BUP dekat, hukuman disiplin, bidang), jabatan yang pemegangnya berbeda; nilai
    objektif hanya bila bobot sama. Lalu KPI teknis dan selisih per jabatan dan per pegawai.

    Format table di layar menyebut jabatan dan jumlah saja (UU PDP); nama pemegang dan daftar
    per pegawai dengan NIP hanya dengan --rinci atau di file --out.

    \b
    Contoh:
      placement compare hasil/dasar hasil/hemat
      placement compare hasil/dasar hasil/hemat --rinci
      placement compare hasil/dasar hasil/hemat --out banding.txt
      placement compare hasil/dasar hasil/hemat --format xlsx --out banding.xlsx
      placement compare hasil/dasar hasil/hemat --format pdf --out banding.pdf
      placement compare hasil/dasar hasil/hemat --gates skenario.yaml
    Kode keluar: 0 berhasil; 1 masukan salah; 5 gerbang gagal (--gates).
    """
    plans = [read_plan_dir(p) for p in outs]
    posts, people = differences(plans)
    gate_lines, gates_failed = _gate_lines(plans, gates_file, lang)
    cmp = _Comparison(plans, kpi_table(plans, lang), posts, people, gate_lines)
    if fmt == "table":
        _compare_table(cmp, detail or out_file is not None, out_file, lang)
    elif fmt == "csv":
        _compare_csv(cmp, out_file)
    elif fmt == "json":
        _compare_json(cmp, out_file, lang)
    else:
        _compare_file(cmp, fmt, out_file, lang)
    if gates_failed:
        sys.exit(ExitCode.GATE_FAILED)


class _Comparison(NamedTuple):
    """What ``compare`` shows in every format: the plans, their KPIs, the posts and the people
    placed differently, and the gates' lines."""

    plans: list[PlanFiles]
    kpis: pd.DataFrame
    posts: pd.DataFrame
    people: pd.DataFrame
    gate_lines: list[str]


def _gate_lines(
    plans: list[PlanFiles], gates_file: Path | None, lang: str
) -> tuple[list[str], bool]:
    """``--gates``: one line per gate per plan, and whether any gate failed."""
    lines: list[str] = []
    failed = False
    if gates_file is not None:
        gates = _gates_from(gates_file)
        for p in plans:
            for g in check_gates(plan_kpis(p), gates):
                lines.append(f"{p.name}: {message('CLI_GERBANG', lang)} {g.describe(lang)}")
                failed |= not g.ok
    return lines, failed


def _compare_table(cmp: _Comparison, rinci: bool, out_file: Path | None, lang: str) -> None:
    """``--format table``: the readable comparison, technical KPIs, differences and gates;
    ``rinci`` (--rinci, or a file the user asked for) may name people."""
    plans, posts, people = cmp.plans, cmp.posts, cmp.people
    text = readable_text(plans, detail=rinci, lang=lang) + "\n\n"
    text += message("CLI_KPI_TEKNIS", lang) + "\n" + _format_table(cmp.kpis)
    text += "\n\n" + message("CLI_JABATAN_BERBEDA", lang, n_posts=len(posts))
    if len(posts):
        shown = posts if rinci else posts.drop(columns=["pemegang_a", "pemegang_b"])
        text += "\n" + _format_table(shown)
    text += "\n\n" + message("CLI_PEGAWAI_BERBEDA", lang, n_people=len(people))
    if len(people):
        text += "\n" + _difference_counts(people, plans, lang)
        if rinci:
            text += "\n\n" + message("CLI_RINCIAN_PEGAWAI", lang)
            text += "\n" + _format_table(people)
        else:
            text += "\n" + message("CLI_RINCIAN_PETUNJUK", lang)
    if cmp.gate_lines:
        text += "\n\n" + "\n".join(cmp.gate_lines)
    _emit(text, out_file)
    if out_file is not None:
        click.echo(message("CLI_DITULIS_KE", lang, out_file=out_file), err=True)


def _compare_csv(cmp: _Comparison, out_file: Path | None) -> None:
    """``--format csv``: the KPI table; the gates' lines on stderr."""
    if out_file is None:
        click.echo(csv_text(cmp.kpis), nl=False)
    else:
        write_csv(cmp.kpis, out_file)
    for line in cmp.gate_lines:
        click.echo(line, err=True)


def _compare_json(cmp: _Comparison, out_file: Path | None, lang: str) -> None:
    """``--format json``: KPIs (objectives only when the weights are the same), differences
    and gates."""
    plans = cmp.plans
    comparable = same_weights(plans)  # else the objectives are not comparable numbers
    payload = {
        "kpi": {
            n: plan_kpis(p) if comparable else {**plan_kpis(p), "objektif": None}
            for n, p in zip(unique_names(plans), plans, strict=True)
        },
        "objektif_sebanding": comparable,
        "keterangan_kpi": {k: v[0 if lang == "id" else 1] for k, v in KPIS.items()},
        "selisih_jabatan": cmp.posts.to_dict(orient="records"),
        "selisih_pegawai": cmp.people.to_dict(orient="records"),
        "gerbang": cmp.gate_lines,
    }
    _emit(json.dumps(payload, indent=2, ensure_ascii=False, default=_json_default), out_file)


def _compare_file(cmp: _Comparison, fmt: str, out_file: Path | None, lang: str) -> None:
    """``--format xlsx`` / ``pdf`` (``--out`` required); the gates' lines on stderr."""
    if out_file is None:
        raise click.UsageError(message("CLI_FORMAT_PERLU_OUT", lang, fmt=fmt))
    data = with_data(cmp.plans)
    table = readable_table(cmp.plans, data, lang)
    if fmt == "pdf":
        _comparison_pdf(cmp.plans, data, table, out_file, lang)
    else:
        _comparison_xlsx(cmp, table, out_file, lang)
    for line in cmp.gate_lines:
        click.echo(line, err=True)


def _comparison_xlsx(cmp: _Comparison, table: pd.DataFrame, out_file: Path, lang: str) -> None:
    """``compare --format xlsx``: the summary, moves per OPD, differences by name and by NIP."""
    plans = cmp.plans
    names = pd.DataFrame(
        [
            {"rencana_b": p.name, "perbedaan": line}
            for p in plans[1:]
            for line in difference_lines(plans[0], p, True, lang)
        ],
        columns=["rencana_b", "perbedaan"],
    )
    write_comparison_xlsx(
        {
            "Ringkasan": table,
            "Perpindahan per OPD": opd_table(plans, lang),
            "Beda jabatan (nama)": names,
            "KPI": cmp.kpis,
            "Beda jabatan": cmp.posts,
            "Beda pegawai": cmp.people,
        },
        out_file,
        text_columns={"Beda jabatan": ["pemegang_a", "pemegang_b"], "Beda pegawai": ["nip"]},
    )


def _comparison_pdf(
    plans: list[PlanFiles], data: list[PlanData], table: pd.DataFrame, out_file: Path, lang: str
) -> None:
    """``compare --format pdf``: the Sekda's comparison in the usulan package's style (kop of
    the first plan's scenario; posts with another holder by name: a file the user asked for)."""
    from placement.report.compare_pdf import difference_heading, render_comparison_pdf

    names = unique_names(plans)
    diffs = []
    for name, p in zip(names[1:], plans[1:], strict=True):
        lines = difference_lines(plans[0], p, True, lang)
        diffs.append((difference_heading(names[0], name, len(lines), lang), lines))
    sc = data[0].scenario if data and data[0].scenario is not None else Skenario()
    render_comparison_pdf(table, opd_table(plans, lang), diffs, sc, out_file, lang)
    click.echo(message("CLI_DITULIS_KE", lang, out_file=out_file), err=True)


def _person_opd(plans: list[PlanFiles], people: pd.DataFrame) -> list[str]:
    """Per row of ``people``: the OPD of the post in the other plan, else in the first plan, else
    the OPD of origin ("-" when the plan files do not say)."""
    frames = {p.name: p.plan.set_index("nip") for p in plans}
    base = frames[plans[0].name]
    out = []
    for nip, name in zip(people["nip"], people["rencana_b"], strict=True):
        found = "-"
        for plan, column in (
            (frames[name], "opd_tujuan"),
            (base, "opd_tujuan"),
            (frames[name], "opd_asal"),
            (base, "opd_asal"),
        ):
            if column in plan.columns and nip in plan.index:
                value = plan.at[nip, column]
                if isinstance(value, str) and value:
                    found = value
                    break
        out.append(found)
    return out


def _difference_counts(people: pd.DataFrame, plans: list[PlanFiles], lang: str) -> str:
    """Counts of the people placed differently per move kind (A -> B) and per OPD: no NIPs."""
    frame = people.assign(
        jenis_a=people["jenis_a"].fillna("-"),
        jenis_b=people["jenis_b"].fillna("-"),
        opd=_person_opd(plans, people),
    )
    kinds = frame.groupby(["rencana_b", "jenis_a", "jenis_b"]).size().reset_index(name="jumlah")
    kinds = kinds.sort_values(["rencana_b", "jumlah"], ascending=[True, False], kind="stable")
    opds = frame.groupby(["rencana_b", "opd"]).size().reset_index(name="jumlah")
    opds = opds.sort_values(
        ["rencana_b", "jumlah", "opd"], ascending=[True, False, True], kind="stable"
    )
    head = message("CLI_PER_JENIS", lang)
    lines = [head, _format_table(kinds), "Per OPD:", _format_table(opds)]
    return "\n".join(lines)


def _json_default(v: object) -> object:
    if isinstance(v, float) and pd.isna(v):
        return None
    return str(v)


def _emit(text: str, out_file: Path | None) -> None:
    if out_file is None:
        click.echo(text)
    else:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text + "\n", encoding="utf-8")


@main.command(name="frontier")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--moves", required=True, help="Batas pejabat berpindah: AWAL:AKHIR:LANGKAH atau A,B,C."
)
@click.option("--variant", default=BASELINE, show_default=True, help="Varian skenario.")
@data_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder keluaran frontier.csv dan frontier.png (bawaan: FOLDER_SKENARIO/hasil/frontier).",
)
@solver_options("per titik")
@lang_option
@user_errors
def frontier_cmd(
    file: Path,
    moves: str,
    variant: str,
    data: Path | None,
    out: Path | None,
    backend: str,
    time_limit: float | None,
    lang: str,
) -> None:
    """Objektif optimal untuk tiap batas jumlah pejabat yang berpindah (model baru tiap titik).

    \b
    Contoh:
      placement frontier scenarios/tiny/skenario.yaml --moves 0:4:1
      placement frontier scenarios/kabupaten-dasar/skenario.yaml --moves 0:400:25 --out frontier
    """
    from placement.plan.frontier import parse_range, plot_frontier
    from placement.workflow.studies import move_frontier

    caps = parse_range(moves)
    all_variants = load_variants(file)
    if variant not in all_variants:
        raise failure("VARIAN_TIDAK_ADA", Where(str(file)), variant=variant)
    ds, sc = DataCache(data).get(all_variants[variant])
    frame = move_frontier(
        ds,
        sc,
        caps,
        backend=backend,
        time_limit=time_limit,
        progress=lambda m: click.echo(m, err=True),
    )
    out_dir = out if out is not None else file.parent / "hasil" / "frontier"
    write_csv(frame, out_dir / "frontier.csv")
    plot_frontier(frame, out_dir / "frontier.png", title=f"{sc.nama}")
    click.echo(_format_table(frame))
    click.echo(message("CLI_FRONTIER_DITULIS", lang, out_dir=out_dir))
