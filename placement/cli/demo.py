"""``placement demo``: the main job on the built-in synthetic kabupaten."""

from __future__ import annotations

import time
from pathlib import Path

import click

from placement.cli.base import lang_option, main, user_errors
from placement.config import Instansi, Pejabat, TimPenilai
from placement.synth.presets import PresetName

DEMO_INSTANSI = Instansi(
    nama="Pemerintah Kabupaten Contoh",
    ppk="Bupati Contoh",
    kop=[
        "PEMERINTAH KABUPATEN CONTOH",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "Jalan Contoh Nomor 1, Kabupaten Contoh (data sintetis)",
    ],
    tempat="Contoh",
    tim=TimPenilai(
        ketua=Pejabat(nama="[nama Sekretaris Daerah]", jabatan="Sekretaris Daerah"),
        sekretaris=Pejabat(nama="[nama Kepala BKPSDM]", jabatan="Kepala BKPSDM"),
        anggota=[
            Pejabat(nama="[nama Asisten Administrasi Umum]", jabatan="Asisten Administrasi Umum"),
            Pejabat(nama="[nama Inspektur Daerah]", jabatan="Inspektur Daerah"),
        ],
    ),
)
"""The instansi block of the demo scenario: a synthetic kabupaten, names left as placeholders."""


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("hasil-demo"),
    show_default=True,
    help="Folder keluaran.",
)
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
    from placement.config import Batas, Fakta, Skenario
    from placement.io.writers import write_dataset
    from placement.report.dossier import write_package
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
        nama=f"demo-{preset}",
        data=data,
        tanggal_rencana=preset_plan_date(preset),
        batas=caps,
        fakta=Fakta(instansi=DEMO_INSTANSI),
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
    t, cpu = time.perf_counter(), time.process_time()
    files = write_package(ds, result, {f: plan_dir / f"dosir.{f}" for f in ("pdf", "docx", "xlsx")})
    took, took_cpu = time.perf_counter() - t, time.process_time() - cpu
    click.echo(f"5/5 Paket usulan ditulis: {files['pdf']}, {files['docx']}, {files['xlsx']}")
    click.echo(f"    Paket usulan (pdf + docx + xlsx): {took:.1f} s ({took_cpu:.1f} s CPU)")
    click.echo(
        "    Waktu: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
        + f"; total {time.perf_counter() - start:.1f} s"
    )
