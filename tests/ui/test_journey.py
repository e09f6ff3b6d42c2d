"""The whole planner's path through the UI, as issue 11 states it: upload the tiny data, run,
open a move's explanation, run a second scenario, compare the two runs, approve one, download
the dossier. Every step asserts on what the page shows and on what the library records."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from selenium.webdriver.support.ui import WebDriverWait

from placement.config import Skenario
from placement.io.readers import load_dataset
from placement.plan.compare import read_plan_dir
from placement.rules.eligibility import check_pair
from placement.store.runs import RunStore
from placement.synth import preset_plan_date
from tests.ui.conftest import Server
from tests.ui.helpers import click, fill, open_page, text, texts, wait_text


def _run(driver: Any, server: Server, number: int) -> None:
    open_page(driver, server.url + "/jalankan")
    click(driver, "mulai")
    wait_text(driver, f"Selesai: run #{number}", timeout=180)


def test_planner_journey(server: Server, driver: Any, tiny_dir: Path) -> None:
    # 1. Data: upload the four template csv files.
    open_page(driver, server.url + "/data")
    field = driver.find_element("css selector", '[data-testid="unggah"] input[type=file]')
    field.send_keys("\n".join(str(f) for f in sorted(tiny_dir.glob("*.csv"))))
    wait_text(driver, "standar_kompetensi.csv")
    click(driver, "pakai-unggahan")
    wait_text(driver, "Data valid: 30 pegawai, 12 jabatan")

    # 2. Aturan: the plan date of the synthetic region; then run the first scenario.
    plan_date = preset_plan_date("tiny").isoformat()
    open_page(driver, server.url + "/aturan")
    fill(driver, "skenario-tanggal", plan_date)
    fill(driver, "skenario-nama", "dasar")
    click(driver, "skenario-terapkan")
    wait_text(driver, "Skenario diperbarui")
    _run(driver, server, 1)

    # 3. Rencana: a move's explanation with its rules and legal basis.
    click(driver, "buka-rencana")
    text(driver, "rencana-tabel")
    with RunStore(server.store) as store:
        first = store.show(1)
    plan = read_plan_dir(Path(first["folder"])).plan
    moved = plan[plan["jenis_perpindahan"] != "tetap"].iloc[0]
    click(driver, f"rencana-baris-{moved['nip']}")
    rules = text(driver, "penjelasan-aturan")
    ds, _ = load_dataset(tiny_dir)
    sc = Skenario(tanggal_rencana=preset_plan_date("tiny"))
    for c in check_pair(ds, sc, str(moved["nip"]), str(moved["jabatan_tujuan_id"])).checks:
        assert c.rule_id in rules and c.legal_basis.split(",")[0] in rules
    assert str(moved["jabatan_tujuan"]) in text(driver, "penjelasan-pindah")
    click(driver, "penjelasan-tutup")

    # 4. A second scenario (competency weighed more) and its run.
    open_page(driver, server.url + "/aturan")
    fill(driver, "skenario-nama", "jpm-tinggi")
    click(driver, "skenario-terapkan")
    wait_text(driver, "Skenario diperbarui")
    fill(driver, "bobot-jpm", "0.9")
    click(driver, "bobot-terapkan")
    WebDriverWait(driver, 20).until(lambda d: "jpm: 0.9" in text(d, "skenario-yaml"))
    _run(driver, server, 2)

    # 5. Bandingkan: both runs side by side.
    open_page(driver, server.url + "/bandingkan", "banding-kpi")
    headers = texts(driver, "banding-kpi", "thead th")
    assert headers[1:] == ["#1 dasar", "#2 jpm-tinggi"]

    # 6. Riwayat: approve run 1 with name and reason; it becomes read-only.
    open_page(driver, server.url + "/riwayat?run=1")
    fill(driver, "setujui-nama", "Kepala BKPSDM")
    fill(driver, "setujui-alasan", "Rapat Baperjakat 12/2026")
    click(driver, "setujui")
    assert "Disetujui oleh Kepala BKPSDM" in text(driver, "run-disetujui")
    with RunStore(server.store) as store:
        approved = store.show(1)
        assert approved["disetujui_oleh"] == "Kepala BKPSDM"
        assert approved["hash_persetujuan"] in text(driver, "kode-verifikasi")
        assert store.verify(1).ok and store.verify(2).ok

    # 7. Rencana of the approved run: make the dossier PDF and download it in the browser.
    open_page(driver, server.url + "/rencana?run=1", "rencana-tabel")
    click(driver, "buat-dosir")
    WebDriverWait(driver, 120).until(lambda d: "siap" in text(d, "dosir-status"))
    click(driver, "unduh-dosir")
    downloads: Path = driver.downloads
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(downloads.glob("*.pdf")):
        time.sleep(0.2)
    pdfs = list(downloads.glob("*.pdf"))
    assert pdfs and pdfs[0].read_bytes()[:4] == b"%PDF"
