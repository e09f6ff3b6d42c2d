"""The planner's main path in a real browser: upload the tiny data, run, see the result."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import body_text, by_testid, click_testid, look, open_page, text, wait_text


@pytest.fixture(scope="module")
def tiny_files(tiny_dir: Path) -> list[Path]:
    return sorted(tiny_dir.glob("*.csv"))


def upload(driver: Any, files: list[Path]) -> None:
    field = by_testid(driver, "unggah").find_element("css selector", "input[type=file]")
    field.send_keys("\n".join(str(f) for f in files))


def test_upload_run_and_see_the_plan(server: Server, driver: Any, tiny_files: list[Path]) -> None:
    open_page(driver, server.url + "/data")
    assert "Belum ada data" in body_text(driver)
    upload(driver, tiny_files)
    wait_text(driver, "pegawai.csv")
    click_testid(driver, "pakai-unggahan")
    wait_text(driver, "Data valid")
    screenshot(driver, "01-data")
    click_testid(driver, "nav-jalankan")
    click_testid(driver, "mulai")
    wait_text(driver, "Selesai: run #1", timeout=120)
    log = text(driver, "run-log")
    assert "Menyusun model" in log and "Mencatat run" in log
    screenshot(driver, "03-jalankan")


def test_bad_files_are_refused_and_bad_data_is_located(
    server: Server, driver: Any, tmp_path: Path, tiny_files: list[Path]
) -> None:
    open_page(driver, server.url + "/data")
    script = tmp_path / "skrip.py"
    script.write_text("import os\nos.remove('x')\n")
    upload(driver, [script])  # refused by the browser (type) ...
    wait_text(driver, "File ditolak: hanya .xlsx atau .csv")
    other = tmp_path / "gaji.csv"
    other.write_text("nip,gaji\n1,2\n")
    upload(driver, [other])  # ... and by the server (not a template file)
    wait_text(driver, "hanya data.xlsx atau pegawai.csv")
    assert "gaji.csv" not in text(driver, "unggahan")
    pegawai = tmp_path / "pegawai.csv"
    lines = next(f for f in tiny_files if f.name == "pegawai.csv").read_text().splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("nip")] = "12AB"
    pegawai.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n")
    jabatan = next(f for f in tiny_files if f.name == "jabatan.csv")
    driver.refresh()
    by_testid(driver, "unggah")
    upload(driver, [pegawai, jabatan])
    wait_text(driver, "Diunggah: jabatan.csv, pegawai.csv")
    click_testid(driver, "pakai-unggahan")
    wait_text(driver, "Data belum dapat dipakai")
    table = text(driver, "masalah-data")
    assert "pegawai.csv" in table and "nip" in table and "galat" in table
    assert "tidak ditemukan di folder kerja" in table  # kompetensi.csv: no internal path
    assert str(server.root) not in table and "/kerja" not in table
    screenshot(driver, "01b-data-galat")
    click_testid(driver, "nav-jalankan")
    wait_text(driver, "Belum ada data")  # a run needs valid data
    assert not look(driver, "mulai", lambda e: e.is_enabled())


def test_english_switch(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/data")
    click_testid(driver, "lang")
    wait_text(driver, "Upload the template files")
    assert "Rules & scenario" in body_text(driver)
    click_testid(driver, "lang")
    wait_text(driver, "Unggah file templat")


def test_kabupaten_solve_shows_progress_and_leaves_the_pages_usable(
    server: Server, driver: Any
) -> None:
    open_page(driver, server.url + "/data")
    by_testid(driver, "preset").find_element(
        "xpath", ".//*[contains(text(), 'kabupaten (±3.000 pegawai)')]"
    ).click()
    click_testid(driver, "pakai-sintetis")
    wait_text(driver, "Data valid: 3.000 pegawai", timeout=120)
    click_testid(driver, "nav-jalankan")
    click_testid(driver, "mulai")
    wait_text(driver, "Sedang menyusun rencana", timeout=30)
    first = text(driver, "run-waktu")
    wait_text(driver, "Menyusun pasangan", timeout=60)
    assert look(driver, "batal", lambda e: e.is_displayed())
    screenshot(driver, "03b-jalankan-berjalan")
    # While the solver works, another page opens and answers at once.
    start = time.monotonic()
    click_testid(driver, "nav-data")
    wait_text(driver, "Data valid: 3.000 pegawai", timeout=10)
    opened = time.monotonic() - start
    click_testid(driver, "nav-jalankan")
    wait_text(driver, "Selesai: run #", timeout=240)
    assert opened < 10
    assert first != text(driver, "run-waktu")
    log = text(driver, "run-log")
    assert "Menghitung rencana optimal" in log and "backend" not in log
    assert "pasangan pegawai–jabatan" in log
