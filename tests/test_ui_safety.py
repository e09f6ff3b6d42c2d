"""Safety of the web workspace without a browser (issue 20): approval labels read from the store,
every scenario loads, hostile hosts and origins refused, uploads parsed off the event loop and kept
per tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate
from placement.ui.runs_view import listed_runs, run_options, stale_runs, store_options


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run store with two runs of the tiny region (one solve recorded twice)."""
    root = tmp_path_factory.mktemp("runs")
    write_dataset(generate("tiny", 0), root / "data")
    store = root / "runs.sqlite"
    res = CliRunner().invoke(
        main,
        [
            "solve",
            str(root / "data"),
            "--out",
            str(root / "hasil"),
            "--date",
            "2026-07-01",
            "--store",
            str(store),
        ],
    )
    assert res.exit_code == 0, res.output
    with RunStore(store) as runs:
        runs.record(root / "hasil", "solve")
    return store


def test_only_the_approved_run_is_labelled_approved(two_runs: Path) -> None:
    shown = store_options(two_runs)
    with RunStore(two_runs) as runs:
        runs.approve(1, "Kepala BKPSDM", "Nota dinas 1")  # as `placement runs approve 1` does
        labels = run_options(listed_runs(runs))
    assert labels[1].endswith(" · disetujui")
    assert "disetujui" not in labels[2]
    assert stale_runs(shown, two_runs, [2]) is None  # run 2 did not change
    refused = stale_runs(shown, two_runs, [2, 1])  # run 1 was approved after the page showed it
    assert refused is not None and "Run #1 berubah sejak halaman ini dibuka" in refused


SHIPPED = sorted(Path(__file__).parents[1].glob("scenarios/*/skenario.yaml"))
ACCEPTED = {  # scenarios the CLI accepts that leave out parts of a weight table
    "tanpa-biaya": "nama: a\nbobot: {biaya_perpindahan: {}}\n",
    "tabel-sebagian": "nama: b\nbobot: {nilai_jabatan_terisi: {1: 2.0}, nilai_kotak_talenta: "
    "{9: 1.0}, biaya_perpindahan: {demosi: 1.0}}\n",
    "kosong": "",
}
PAGES = ("data", "rules", "run", "plan", "compare", "succession", "history")


async def _render_every_page() -> None:
    """Build every page of the workspace as a request would (an error propagates)."""
    import importlib
    import inspect

    from nicegui import Client
    from nicegui.page import page

    for name in PAGES:
        module = importlib.import_module(f"placement.ui.pages.{name}")
        build = getattr(module, f"{name}_page")
        with Client(page(f"/{name}"), request=None) as client:
            built = build()
            if inspect.isawaitable(built):
                await built
        client.delete()


@pytest.mark.parametrize(
    "text",
    [pytest.param(p.read_text(encoding="utf-8"), id=p.parent.name) for p in SHIPPED]
    + [pytest.param(text, id=name) for name, text in ACCEPTED.items()],
)
def test_every_scenario_loads_on_every_page(text: str, two_runs: Path, tmp_path: Path) -> None:
    import anyio

    from placement.ui.state import install
    from placement.ui.workspace import Workspace, scenario_from_yaml

    ws = Workspace(root=tmp_path / "kerja", store=two_runs)
    ws.use_data(two_runs.parent / "data")
    install(ws)
    ws.scenario = scenario_from_yaml(text).model_copy(update={"data": ws.data})
    anyio.run(_render_every_page)


def test_a_scenario_the_editor_cannot_show_keeps_the_previous_one(tmp_path: Path) -> None:
    from placement.config import Skenario
    from placement.ui.pages.rules import replace_scenario
    from placement.ui.state import install, workspace
    from placement.ui.workspace import Workspace

    install(Workspace(root=tmp_path, store=tmp_path / "runs.sqlite"))
    kept, bad = workspace().scenario, Skenario(nama="tidak-tampil")
    shown: list[str] = []

    def show() -> None:
        shown.append(workspace().scenario.nama)
        if workspace().scenario is bad:
            raise KeyError("demosi")

    with pytest.raises(KeyError):
        replace_scenario(bad, show)
    assert workspace().scenario is kept and shown == ["tidak-tampil", kept.nama]


def test_a_page_that_fails_says_so_in_indonesian() -> None:
    from nicegui import Client, ui
    from nicegui.page import page

    from placement.ui.layout import page_failed

    with Client(page("/aturan"), request=None) as client:
        page_failed(KeyError("demosi"))
    texts = [e.text for e in client.elements.values() if isinstance(e, ui.label)]
    client.delete()
    assert any("kesalahan tak terduga (KeyError)" in x and "tetap tersimpan" in x for x in texts)


def _get(host: str, headers: dict[str, str], allowed: str = "127.0.0.1") -> Any:
    """GET a download route of a tiny app behind the workspace's guard."""
    import anyio
    import httpx
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from placement.ui.security import HostOriginGuard, allowed_hosts

    app = Starlette(
        routes=[Route("/unduh/run/1/rencana.csv", lambda _: PlainTextResponse("nip,nama\n"))]
    )
    app.add_middleware(HostOriginGuard, hosts=allowed_hosts(allowed))

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.get("/unduh/run/1/rencana.csv", headers={"host": host, **headers})

    return anyio.run(get)


@pytest.mark.parametrize(
    ("host", "origin", "status"),
    [
        ("127.0.0.1:8080", None, 200),
        ("localhost:8080", "http://localhost:8080", 200),
        ("[::1]:8080", None, 200),
        ("127.0.0.1", None, 200),
        ("evil.example", None, 400),  # DNS rebinding: a foreign name resolving to 127.0.0.1
        ("evil.example:8080", None, 400),
        ("127.0.0.1:8080 evil", None, 400),
        ("", None, 400),
        ("127.0.0.1:8080", "http://evil.example", 403),
        ("127.0.0.1:8080", "http://127.0.0.1:9999", 403),  # another local site
        ("127.0.0.1:8080", "null", 403),
    ],
)
def test_foreign_hosts_and_origins_are_refused(host: str, origin: str | None, status: int) -> None:
    response = _get(host, {"origin": origin} if origin else {})
    assert response.status_code == status
    assert ("nip,nama" in response.text) is (status == 200)
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert ("connect-src 'self' ws://127.0.0.1:8080" in csp) is (host == "127.0.0.1:8080")


def test_network_host_is_allowed_only_when_given() -> None:
    assert _get("192.168.1.5:8080", {}, allowed="192.168.1.5").status_code == 200
    assert _get("192.168.1.5:8080", {}).status_code == 400


@pytest.mark.parametrize(
    ("origin", "accepted"), [("http://127.0.0.1:8080", True), ("http://evil.example", False)]
)
def test_the_socket_refuses_a_foreign_origin(origin: str, accepted: bool) -> None:
    import anyio

    from placement.ui.security import HostOriginGuard, allowed_hosts

    reached: list[str] = []
    sent: list[dict[str, Any]] = []

    async def socket_app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(scope["path"])

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "websocket",
        "path": "/_nicegui_ws/socket.io/",
        "headers": [(b"host", b"127.0.0.1:8080"), (b"origin", origin.encode())],
    }
    guard = HostOriginGuard(socket_app, allowed_hosts("127.0.0.1"))
    anyio.run(guard, scope, receive, send)
    if accepted:
        assert reached and not sent
    else:
        assert not reached and [(m["type"], m["code"]) for m in sent] == [("websocket.close", 1008)]


def test_pending_uploads_are_kept_per_tab(tmp_path: Path) -> None:
    from placement.domain.errors import PlacementError
    from placement.ui.workspace import Workspace

    ws = Workspace(root=tmp_path / "kerja", store=tmp_path / "runs.sqlite")
    ws.add_upload("pegawai.csv", b"nip\n1\n", tab="tab-a")
    ws.add_upload("jabatan.csv", b"jabatan_id\nJ-1\n", tab="tab-b")
    folder = ws.write_uploads("tab-a")
    assert sorted(p.name for p in folder.iterdir()) == ["pegawai.csv"]  # not tab b's file
    assert list(ws.pending) == ["tab-b"] and list(ws.pending["tab-b"]) == ["jabatan.csv"]
    with pytest.raises(PlacementError, match="Belum ada file"):
        ws.write_uploads("tab-a")  # tab a used its own uploads already
    ws.pending["tab-b"]["data.xlsx"] = b"PK"  # an xlsx with csv files: refused, nothing written
    with pytest.raises(PlacementError, match="bukan keduanya"):
        ws.write_uploads("tab-b")
    assert [p.name for p in (tmp_path / "kerja").iterdir()] == [folder.name]  # no empty folder


def test_a_slow_parse_runs_apart_and_the_server_answers_meanwhile() -> None:
    import time

    import anyio
    import httpx
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from placement.ui.offload import parse_apart

    app = Starlette(routes=[Route("/data", lambda _: PlainTextResponse("ok"))])
    answered: list[float] = []

    async def main() -> None:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(lambda: parse_apart(time.sleep, 2.0, limits=(10.0, 2**28), file="x"))
            await anyio.sleep(0.3)  # the slow parse (a sleeping loader) is under way
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
                for _ in range(3):
                    start = time.monotonic()
                    assert (await c.get("/data")).text == "ok"
                    answered.append(time.monotonic() - start)
                    await anyio.sleep(0.2)

    start = time.monotonic()
    anyio.run(main)
    assert time.monotonic() - start >= 2.0  # the parse did take its time …
    assert max(answered) < 0.2  # … while every other request was answered at once


@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        (("time.sleep", 30.0), "UNGGAHAN_TERLALU_LAMA", "dihentikan setelah 1 detik"),
        (("builtins.bytearray", 2**30), "UNGGAHAN_TERLALU_BESAR", "lebih dari 256 MB memori"),
        (("placement.ui.workspace.scenario_values", "nama: [\n"), "SKENARIO_YAML", "tidak valid"),
        (("builtins.int", "x"), "UNGGAHAN_GAGAL", "tidak dapat dibaca (ValueError)"),
    ],
    ids=["waktu", "memori", "yaml", "galat"],
)
def test_a_parse_that_fails_apart_is_refused_in_indonesian(
    call: tuple[str, Any], code: str, words: str
) -> None:
    import importlib
    import time

    import anyio

    from placement.domain.errors import PlacementError
    from placement.ui.offload import parse_apart

    module, name = call[0].rsplit(".", 1)
    func = getattr(importlib.import_module(module), name)
    start = time.monotonic()
    with pytest.raises(PlacementError) as refused:
        seconds = 1.0 if code == "UNGGAHAN_TERLALU_LAMA" else 20.0  # others end on their own
        anyio.run(lambda: parse_apart(func, call[1], limits=(seconds, 2**28), file="bom.yaml"))
    assert time.monotonic() - start < 10
    assert refused.value.issues[0].code == code
    assert words in refused.value.issues[0].message("id")


def test_a_yaml_alias_bomb_is_refused_before_it_reaches_the_editor() -> None:
    from placement.domain.errors import PlacementError
    from placement.ui.workspace import scenario_values

    arrays = ["&a [x, x, x, x, x, x, x, x, x]"] + [
        f"&{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(5)
    ]
    bomb = f"nama: bom\naturan:\n  NAIK_SATU_JENJANG:\n    aktif: [{', '.join(arrays)}]\n"
    assert len(bomb) < 300
    with pytest.raises(PlacementError) as refused:
        scenario_values(bomb, "bom.yaml")
    assert "node setelah alias dijabarkan" in refused.value.issues[0].message("id")


def test_run_names_default_to_scenario_date_and_hash_and_follow_a_rename(two_runs: Path) -> None:
    with RunStore(two_runs) as runs:
        digest = runs.labels().set_index("id")["hash_rencana"][2]
        made = runs.show(2)["dibuat"]
        labels = run_options(listed_runs(runs))
        from placement.ui.format import format_date, to_local

        assert (
            labels[2] == f"#2 · skenario · {format_date(to_local(made))} · {digest[:7]} · optimal"
        )
        shown = store_options(two_runs)
        runs.rename(2, "Rotasi camat")
    assert store_options(two_runs)[2] == "#2 · Rotasi camat · optimal"
    assert stale_runs(shown, two_runs, [2]) is not None  # a renamed run is relabelled first
