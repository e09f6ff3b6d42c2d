"""``placement ui``: the planner's local web workspace."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import click

from placement.cli.base import lang_option, main, user_errors
from placement.cli.runs_cmd import _store_arg


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command(name="ui")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path, exists=True),
    help="Data yang langsung dipakai (folder csv atau data.xlsx).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Alamat yang didengar; selain 127.0.0.1/localhost perlu --izinkan-jaringan.",
)
@click.option(
    "--izinkan-jaringan",
    "allow_network",
    is_flag=True,
    help="Izinkan komputer lain di jaringan membuka ruang kerja (data pegawai ikut terlihat).",
)
@click.option(
    "--folder-kerja",
    "workdir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("placement-kerja"),
    show_default=True,
    help="Folder untuk data unggahan, skenario dan hasil run.",
)
@click.option(
    "--zona-waktu",
    "zone",
    default="Asia/Jakarta",
    show_default=True,
    help="Zona waktu tampilan waktu (Asia/Jakarta = WIB, Asia/Makassar = WITA, "
    "Asia/Jayapura = WIT).",
)
@_store_arg
@lang_option
@user_errors
def ui_cmd(
    port: int,
    data: Path | None,
    host: str,
    allow_network: bool,
    workdir: Path,
    zone: str,
    store: Path,
    lang: str,
) -> None:
    """Buka ruang kerja web perencana di peramban (hanya di komputer ini secara bawaan).

    \b
    Contoh:
      placement ui
      placement ui --data data-tiny --port 8090
    Buka http://127.0.0.1:8080 di peramban; hentikan dengan Ctrl-C.
    """
    if not is_loopback(host):
        if not allow_network:
            raise click.UsageError(
                f"--host {host} membuka ruang kerja ke jaringan; data pegawai (UU PDP) dapat "
                "dilihat komputer lain. Tambahkan --izinkan-jaringan bila memang dimaksudkan."
            )
        click.echo(
            f"PERINGATAN: ruang kerja terbuka untuk jaringan di {host}:{port}; tidak ada login.",
            err=True,
        )
    from placement.ui import i18n
    from placement.ui.app import serve
    from placement.ui.format import set_zone
    from placement.ui.workspace import Workspace

    i18n.set_lang("en" if lang == "en" else "id")
    try:
        set_zone(zone)
    except (ValueError, ZoneInfoNotFoundError):
        raise click.BadParameter(
            f"zona waktu '{zone[:40]}' tidak dikenal; contoh: Asia/Jakarta, Asia/Makassar, "
            "Asia/Jayapura",
            param_hint="--zona-waktu",
        ) from None
    ws = Workspace(root=workdir.resolve(), store=store.resolve(), host=host)
    if data is not None:
        ws.use_data(data.resolve())
    click.echo(
        f"Ruang kerja placement: http://{host}:{port}  (folder kerja {workdir}; Ctrl-C berhenti)"
    )
    try:
        serve(ws, port)
    except KeyboardInterrupt:
        click.echo("Ruang kerja ditutup.")
