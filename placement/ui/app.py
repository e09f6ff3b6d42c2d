"""``placement ui``: the NiceGUI app, its download routes and the server start."""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse
from nicegui import app, core, ui

from placement.store.runs import RunStore
from placement.ui.layout import page_failed
from placement.ui.security import HostOriginGuard, allowed_hosts
from placement.ui.state import install, workspace
from placement.ui.workspace import Workspace

DOWNLOADS = {
    "rencana.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "rencana.csv": "text/csv",
    "hasil.json": "application/json",
    "dosir.pdf": "application/pdf",
    "dosir.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def run_folder(run_id: int) -> Path:
    """The plan folder of a recorded run (PlacementError when the id is unknown)."""
    with RunStore(workspace().store) as store:
        return Path(str(store.show(run_id)["folder"]))


@app.get("/unduh/templat.xlsx")
def download_template() -> FileResponse:
    from placement.io.templates import write_templates

    path = write_templates(workspace().root / "templat", "xlsx", overwrite=True)[0]
    return FileResponse(path, media_type=DOWNLOADS["rencana.xlsx"], filename="templat-data.xlsx")


@app.get("/unduh/skenario.yaml")
def download_scenario() -> FileResponse:
    path = workspace().root / "skenario.yaml"
    if not path.is_file():
        raise HTTPException(status_code=404, detail="skenario belum disimpan")
    return FileResponse(path, media_type="application/yaml", filename="skenario.yaml")


@app.get("/unduh/run/{run_id}/{name}")
def download_run_file(run_id: int, name: str) -> FileResponse:
    if name not in DOWNLOADS:
        raise HTTPException(status_code=404, detail="file tidak tersedia")
    try:
        path = run_folder(run_id) / name
    except Exception as exc:
        raise HTTPException(status_code=404, detail=f"run {run_id} tidak ada") from exc
    if not path.is_file():
        raise HTTPException(status_code=404, detail=f"{name} belum dibuat untuk run {run_id}")
    return FileResponse(path, media_type=DOWNLOADS[name], filename=f"run{run_id}-{name}")


@ui.page("/")
def index() -> None:
    ui.navigate.to("/data")


def serve(ws: Workspace, port: int) -> None:
    """Register the pages and serve until Ctrl-C (blocking)."""
    import importlib
    import pkgutil

    from placement.ui import pages

    for module in pkgutil.iter_modules(pages.__path__):  # each page module registers its route
        importlib.import_module(f"{pages.__name__}.{module.name}")
    install(ws)
    app.on_page_exception(page_failed)
    app.add_middleware(HostOriginGuard, hosts=allowed_hosts(ws.host))
    core.sio.eio.cors_allowed_origins = None  # the socket: same origin only (engine.io default)
    ui.run(
        host=ws.host,
        port=port,
        title="placement",
        reload=False,
        show=False,
        favicon="📋",
        language="id",
        reconnect_timeout=10.0,
    )
