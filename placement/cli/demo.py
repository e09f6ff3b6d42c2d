"""``placement demo``: the main job on the built-in synthetic kabupaten."""

from __future__ import annotations

import time
from pathlib import Path

import click

from placement.cli.base import lang_option, main, user_errors
from placement.synth.presets import PresetName


@main.command()
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("hasil-demo"),
              show_default=True, help="Folder keluaran.")  # fmt: skip
@click.option(
    "--preset", type=click.Choice(["tiny", "kabupaten"]), default="kabupaten", show_default=True
)
@click.option("--seed", type=int, default=0, show_default=True)
@lang_option
@user_errors
def demo(out: Path, preset: PresetName, seed: int, lang: str) -> None:
    """Jalankan contoh lengkap pada wilayah sintetis: bangkitkan data, validasi, susun rencana.

    \b
    Contoh:
      placement demo
      placement demo --preset tiny --out hasil-tiny
    """
    from placement.config import Batas, Skenario
    from placement.io.writers import write_dataset
    from placement.report.dossier import write_dossier
    from placement.report.outputs import write_outputs
    from placement.synth import generate, preset_plan_date
    from placement.workflow.engine import solve
    from placement.workflow.inputs import load_inputs
    from placement.workflow.run import require_audit

    start = time.perf_counter()
    data = out / "data"
    click.echo(f"1/5 Membangkitkan data sintetis '{preset}' (seed {seed}) ke {data}/")
    write_dataset(generate(preset, seed), data)
    click.echo("2/5 Membaca dan memvalidasi data")
    ds, _, warnings = load_inputs(data, None)
    click.echo(
        f"    {ds.n_people:,} pegawai, {ds.n_posts:,} jabatan struktural, {len(warnings)} peringatan"
    )
    # The same settings as scenarios/kabupaten-dasar: default weights, per-OPD move caps.
    caps = Batas(perpindahan_per_opd=10, porsi_berubah_per_opd=0.3)
    sc = Skenario(
        nama=f"demo-{preset}", data=data, tanggal_rencana=preset_plan_date(preset), batas=caps
    )
    click.echo(f"3/5 Menyusun rencana optimal (tanggal rencana {sc.tanggal_rencana.isoformat()})")
    result = solve(ds, sc, progress=lambda msg: click.echo(f"    {msg}"))
    require_audit(ds, sc, result, lang=lang)
    plan_dir = out / "rencana"
    write_outputs(result, ds, plan_dir, {"data": str(data), "audit": "lulus"})
    s = result.summary()
    click.echo(f"4/5 Rencana ditulis ke {plan_dir}/ (audit: lulus)")
    click.echo(
        f"    Status {s['status']} dengan backend {s['backend']}; objektif {s['objektif']:.4f}"
    )
    click.echo("    Perpindahan: " + ", ".join(f"{k} {v}" for k, v in s["perpindahan"].items()))
    click.echo(
        f"    Jabatan terisi {s['jabatan_terisi']} dari {s['jabatan_dalam_lingkup']}; lowong {s['jabatan_lowong']}"
    )
    t = time.perf_counter()
    dossier = {
        fmt: write_dossier(ds, result, plan_dir / f"dosir.{fmt}", fmt) for fmt in ("xlsx", "pdf")
    }
    click.echo(
        f"5/5 Dosir justifikasi ditulis: {dossier['xlsx']}, {dossier['pdf']} ({time.perf_counter() - t:.1f} s)"
    )
    click.echo("    Waktu: " + ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
               + f"; total {time.perf_counter() - start:.1f} s")  # fmt: skip
