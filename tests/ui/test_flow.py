"""The planner's main path in a real browser: upload the tiny data, run, see the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from placement.io.writers import write_dataset
from placement.synth import generate
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import body_text, by_testid, click_testid, open_page, wait_text


@pytest.fixture(scope="module")
def tiny_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("tiny")
    write_dataset(generate("tiny", 0), folder)
    return sorted(folder.glob("*.csv"))


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
    log = by_testid(driver, "run-log").text
    assert "Menyusun model" in log and "Mencatat run" in log
    screenshot(driver, "03-jalankan")
