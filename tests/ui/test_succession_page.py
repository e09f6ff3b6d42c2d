"""Suksesi in a real browser: the 9-box counts are the library's, a post's successors are shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from placement.config import Skenario
from placement.io.readers import load_dataset
from placement.succession.sheets import bench_frame, succession_report, successor_frame
from placement.succession.talent_map import talent_counts
from placement.synth import preset_plan_date
from placement.ui.format import format_date
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    by_testid,
    click,
    fill,
    open_page,
    text,
    wait,
    wait_text,
)


@pytest.fixture(scope="module")
def server(data_server: Server) -> Server:
    return data_server


def test_talent_map_and_successors(server: Server, driver: Any, tiny_dir: Path) -> None:
    plan_date = preset_plan_date("tiny")
    open_page(driver, server.url + "/aturan")  # a planner sets the plan date first
    fill(driver, "skenario-tanggal", plan_date.isoformat())
    click(driver, "skenario-terapkan")
    wait_text(driver, "Skenario diperbarui")

    open_page(driver, server.url + "/suksesi")
    wait_text(driver, f"Tanggal rencana {format_date(plan_date, lang='id')}")
    by_testid(driver, "tabel-penerus", timeout=60)
    ds, _ = load_dataset(tiny_dir)
    counts = talent_counts(ds)
    region = counts[counts["cakupan"] == "Seluruh daerah"].dropna(subset=["kotak"])
    expected = {int(b): int(n) for b, n in zip(region["kotak"], region["jumlah"], strict=True)}
    shown = {b: int(text(driver, f"kotak-{b}-jumlah")) for b in range(1, 10)}
    assert shown == expected and sum(shown.values()) > 0

    sc = Skenario(tanggal_rencana=plan_date, data=tiny_dir)
    report = succession_report(ds, sc, 2)
    first = str(bench_frame(report)["jabatan_id"].iloc[0])  # critical posts first
    expected_people = successor_frame(report).query("jabatan_id == @first")
    table = text(driver, "tabel-penerus")
    for nip, category in zip(expected_people["nip"], expected_people["kesiapan"], strict=True):
        assert nip in table and category in table
    assert first in text(driver, "tabel-kekuatan")
    screenshot(driver, "07-suksesi")

    # one OPD: the grid shows that OPD's counts
    opd = sorted(set(counts["cakupan"]) - {"Seluruh daerah"})[0]
    click(driver, "suksesi-opd")
    option = wait(driver, 10).until(
        lambda d: d.find_element("xpath", f"//div[contains(@class,'q-item')][contains(., '{opd}')]")
    )
    option.click()
    wait_text(driver, f"Peta talenta: {opd}", timeout=60)
    scoped = counts[counts["cakupan"] == opd].dropna(subset=["kotak"])
    expected = {int(b): int(n) for b, n in zip(scoped["kotak"], scoped["jumlah"], strict=True)}
    wait(driver, 30).until(
        lambda d: {b: int(text(d, f"kotak-{b}-jumlah")) for b in range(1, 10)} == expected
    )
