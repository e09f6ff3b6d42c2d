"""Riwayat in a real browser: runs listed, approval needs name and reason and makes the run
read-only with its verification code, integrity check, and an approval in the UI while a CLI solve
records another run leaves both intact."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate, preset_plan_date
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import body_text, by_testid, open_page, wait_text
from tests.ui.test_rules_page import click, fill


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    write_dataset(generate("tiny", 0), folder)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, browser_available: None) -> Iterator[Server]:
    s = Server(tmp_path_factory.mktemp("ui-riwayat"))
    yield s
    s.stop()


def solve(server: Server, data: Path, out: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["PLACEMENT_STORE"] = str(server.store)
    return subprocess.Popen(
        [sys.executable, "-m", "placement", "solve", str(data), "--out", str(out),
         "--date", preset_plan_date("tiny").isoformat()],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finished(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def test_empty_then_runs_listed(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/riwayat")
    assert "Belum ada run" in by_testid(driver, "riwayat-kosong").text
    for name in ("a", "b"):
        finished(solve(server, tiny_dir, tmp_path / name))
    open_page(driver, server.url + "/riwayat")
    table = by_testid(driver, "tabel-run").text
    assert "OPTIMAL" in table and "solve" in table
    assert "#2 · skenario · OPTIMAL" in body_text(driver)  # newest run selected
    assert "Belum disetujui" in by_testid(driver, "run-belum-disetujui").text
    assert "jabatan_terisi" in by_testid(driver, "tabel-kpi").text
    assert "pegawai.csv" in by_testid(driver, "tabel-masukan").text
    assert "/unduh/run/2/rencana.xlsx" in by_testid(driver, "unduh-rencana-xlsx").get_attribute(
        "href"
    )


def test_approval_needs_name_and_reason_and_locks_the_run(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/riwayat?run=1")
    wait_text(driver, "Run #1")
    fill(driver, "setujui-nama", "Kepala BKPSDM")
    click(driver, "setujui")
    WebDriverWait(driver, 10).until(lambda d: "alasan" in by_testid(d, "setujui-pesan").text)
    assert (
        "Persetujuan perlu nama penyetuju dan alasannya" in by_testid(driver, "setujui-pesan").text
    )
    with RunStore(server.store) as store:
        assert store.show(1)["disetujui_pada"] is None

    other = solve(server, tiny_dir, tmp_path / "c")  # a CLI run records while the UI approves
    fill(driver, "setujui-alasan", "Nota dinas 800/12/2026")
    click(driver, "setujui")
    badge = by_testid(driver, "run-disetujui").text
    assert "Disetujui oleh Kepala BKPSDM pada" in badge
    code = by_testid(driver, "kode-verifikasi").text
    finished(other)
    with RunStore(server.store) as store:
        run = store.show(1)
        assert code == f"Kode verifikasi: {run['hash_persetujuan']}"
        assert run["alasan_persetujuan"] == "Nota dinas 800/12/2026"
        assert len(store.list()) == 3
        assert all(store.verify(i).ok for i in (1, 2, 3))
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="setujui"]')  # read-only
    driver.execute_script("window.scrollTo(0, 0)")
    screenshot(driver, "08-riwayat")

    open_page(driver, server.url + "/riwayat?run=1")  # still read-only after a reload
    by_testid(driver, "run-disetujui")
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="setujui-nama"]')


def test_integrity_check(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/riwayat?run=1")
    click(driver, "periksa-keutuhan")
    WebDriverWait(driver, 10).until(lambda d: "Utuh" in by_testid(d, "hasil-keutuhan").text)
    assert "Folder rencana: cocok" in by_testid(driver, "hasil-keutuhan").text
    with RunStore(server.store) as store:
        folder = Path(store.show(2)["folder"])
    (folder / "rencana.csv").write_text("nip\n1\n", encoding="utf-8")  # tamper with run 2's files
    open_page(driver, server.url + "/riwayat?run=2")
    click(driver, "periksa-keutuhan")
    WebDriverWait(driver, 10).until(lambda d: "TIDAK UTUH" in by_testid(d, "hasil-keutuhan").text)
