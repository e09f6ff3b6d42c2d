"""``placement demo``: the main job on the built-in synthetic kabupaten."""

from __future__ import annotations

import click

from placement.cli.base import main


@main.command()
def demo() -> None:
    """Jalankan contoh lengkap pada kabupaten sintetis ke ./hasil-demo.

    \b
    Contoh:
      placement demo
    """
    click.echo("placement demo: belum lengkap (generator dan solver menyusul)")
