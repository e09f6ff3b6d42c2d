"""Riwayat in a real browser: runs listed, approval needs name and reason and makes the run
read-only with its verification code, integrity check, and an approval in the UI while a CLI solve
records another run leaves both intact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selenium.webdriver.common.by import By

from placement.store.runs import RunStore
from placement.ui.format import format_date, to_local
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    TINY_DATE,
    body_text,
    by_testid,
    click,
    fill,
    finished,
    look,
    open_page,
    solve,
    text,
    wait,
    wait_text,
)


def test_empty_then_runs_listed(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/riwayat")
    assert "Belum ada run" in text(driver, "riwayat-kosong")
    for name in ("a", "b"):
        finished(solve(server.store, tiny_dir, tmp_path / name, *TINY_DATE))
    open_page(driver, server.url + "/riwayat")
    table = text(driver, "tabel-run")
    assert "optimal" in table and "perintah solve" in table and "WIB" in table
    with RunStore(server.store) as store:
        digest = store.labels().set_index("id")["hash_rencana"][2][:7]
        day = format_date(to_local(store.show(2)["dibuat"]))
    assert f"#2 · skenario · {day} · {digest} · optimal" in body_text(driver)
    # newest run selected, named by scenario, date and short plan hash
    assert "Belum disetujui" in text(driver, "run-belum-disetujui")
    assert "jabatan terisi" in text(driver, "tabel-kpi")
    assert "Objektif = skor total rencana" in text(driver, "arti-objektif")  # in words
    assert "pegawai.csv" in text(driver, "tabel-masukan")
    assert "/unduh/run/2/rencana.xlsx" in by_testid(driver, "unduh-rencana-xlsx").get_attribute(
        "href"
    )
    assert _name_box(driver, "placeholder") == f"skenario · {day} · {digest}"  # the fallback
    fill(driver, "run-nama-baru", "Rotasi camat")  # a planner names the run
    click(driver, "run-ganti-nama")
    wait_text(driver, "#2 · Rotasi camat · optimal")
    wait(driver).until(lambda d: _name_box(d, "value") == "Rotasi camat")  # the name given
    with RunStore(server.store) as store:
        assert store.labels().set_index("id")["nama"][2] == "Rotasi camat"


def test_approval_needs_name_and_reason_and_locks_the_run(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/riwayat?run=1")
    wait_text(driver, "Run #1")
    fill(driver, "setujui-nama", "Kepala BKPSDM")
    click(driver, "setujui")
    wait(driver, 10).until(lambda d: "alasan" in text(d, "setujui-pesan"))
    assert "Persetujuan perlu nama penyetuju dan alasannya" in text(driver, "setujui-pesan")
    with RunStore(server.store) as store:
        assert store.show(1)["disetujui_pada"] is None

    other = solve(
        server.store, tiny_dir, tmp_path / "c", *TINY_DATE
    )  # a CLI run records while the UI approves
    fill(driver, "setujui-alasan", "Nota dinas 800/12/2026")
    click(driver, "setujui")
    badge = text(driver, "run-disetujui")
    assert "Disetujui oleh Kepala BKPSDM pada" in badge
    code = text(driver, "kode-verifikasi")
    finished(other)
    with RunStore(server.store) as store:
        run = store.show(1)
        assert code == f"Kode verifikasi: {run['hash_persetujuan']}"
        assert run["alasan_persetujuan"] == "Nota dinas 800/12/2026"
        assert len(store.list()) == 3
        assert all(store.verify(i).ok for i in (1, 2, 3))
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="setujui"]')  # read-only
    wait(driver).until(lambda d: "Kepala BKPSDM" in text(d, "tabel-run"))  # the list is current
    driver.execute_script("window.scrollTo(0, 0)")
    screenshot(driver, "08-riwayat")

    open_page(driver, server.url + "/riwayat?run=1")  # still read-only after a reload
    by_testid(driver, "run-disetujui")
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="setujui-nama"]')


def test_integrity_check(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/riwayat?run=1")
    click(driver, "periksa-keutuhan")
    wait(driver, 10).until(lambda d: "Utuh" in text(d, "hasil-keutuhan"))
    assert "Folder rencana: cocok" in text(driver, "hasil-keutuhan")
    with RunStore(server.store) as store:
        folder = Path(store.show(2)["folder"])
    (folder / "rencana.csv").write_text("nip\n1\n", encoding="utf-8")  # tamper with run 2's files
    open_page(driver, server.url + "/riwayat?run=2")
    click(driver, "periksa-keutuhan")
    wait(driver, 10).until(lambda d: "TIDAK UTUH" in text(d, "hasil-keutuhan"))


def _request(server: Server, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """A plain HTTP GET with chosen headers (Host included), answered by the real server."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", path, skip_host="host" in headers)
    for name, value in headers.items():
        conn.putheader(name, value)
    conn.endheaders()
    response = conn.getresponse()
    found = (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    conn.close()
    return found


def test_foreign_host_origin_and_framing_are_refused(server: Server) -> None:
    plan = "/unduh/run/1/rencana.csv"
    status, _, body = _request(server, plan)
    assert status == 200 and body.startswith(b"nip")
    status, _, body = _request(server, plan, host="evil.example")  # DNS rebinding
    assert status == 400 and b"nip" not in body
    status, _, body = _request(server, plan, origin="http://evil.example")
    assert status == 403 and b"nip" not in body
    polling = "/_nicegui_ws/socket.io/?EIO=4&transport=polling"
    assert _request(server, polling)[0] == 200
    assert _request(server, polling, origin="http://evil.example")[0] == 403
    _, headers, _ = _request(server, "/riwayat", host=f"localhost:{server.port}")
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_labels_follow_the_store_and_a_stale_approval_is_refused(
    server: Server, driver: Any
) -> None:
    open_page(driver, server.url + "/riwayat?run=2")  # run 1 is approved, run 2 is not
    assert "Belum disetujui" in text(driver, "run-belum-disetujui")
    assert "disetujui" not in text(driver, "riwayat-pilih-run")
    with RunStore(server.store) as store:  # as `placement runs approve 2` in another window
        store.approve(2, "Sekretaris Daerah", "Nota dinas 800/13/2026")
    fill(driver, "setujui-nama", "Kepala BKPSDM")
    fill(driver, "setujui-alasan", "Nota dinas 800/14/2026")
    click(driver, "setujui")
    wait(driver, 10).until(lambda d: "berubah" in text(d, "riwayat-pemberitahuan"))
    assert "Run #2 berubah sejak halaman ini dibuka" in text(driver, "riwayat-pemberitahuan")
    assert "Disetujui oleh Sekretaris Daerah" in text(driver, "run-disetujui")
    assert "disetujui" in text(driver, "riwayat-pilih-run")
    with RunStore(server.store) as store:
        assert store.show(2)["disetujui_oleh"] == "Sekretaris Daerah"


def _name_box(driver: Any, attribute: str) -> str | None:
    """An attribute of the rename box's <input> (the test id is on it or around it)."""

    def read(element: Any) -> str | None:
        is_input = element.tag_name == "input"
        field = element if is_input else element.find_element(By.CSS_SELECTOR, "input")
        value: str | None = field.get_attribute(attribute)
        return value

    return look(driver, "run-nama-baru", read)
