"""Aturan & Skenario in a real browser: the rule table, edits validated by the library, the YAML
saved for ``placement solve`` and checked against the data in use."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By

from placement.config import load_scenario
from placement.synth import preset_plan_date
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    by_testid,
    click,
    fill,
    look,
    open_page,
    text,
    wait,
    wait_text,
)

PLAN_DATE = preset_plan_date("tiny").isoformat()


@pytest.fixture(scope="module")
def server(data_server: Server) -> Server:
    return data_server


def yaml_shown(driver: Any) -> str:
    return str(text(driver, "skenario-yaml"))


def wait_yaml(driver: Any, present: str, timeout: float = 20) -> None:
    wait(driver, timeout).until(lambda d: present in yaml_shown(d))


def test_rule_table_shows_ids_and_legal_basis(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/aturan")
    table = text(driver, "tabel-aturan")
    assert "GOL_MIN_ESELON" in table
    assert "PP 100/2000 jo PP 13/2002 ps 5 huruf b (terverifikasi)" in table  # basis, status
    assert "golongan_min" in table  # its parameter
    fill(driver, "tabel-aturan-cari", "PPPK_STRUKTURAL")
    wait(driver, 10).until(lambda d: "GOL_MIN_ESELON" not in text(d, "tabel-aturan"))
    assert "UU 20/2023" in text(driver, "tabel-aturan")


def test_facts_decide_the_approvals_and_reach_the_yaml(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/aturan")
    approvals = text(driver, "tabel-persetujuan")
    assert "MENDAGRI_PJ" in approvals and "PP 49/2008 ps 132A" in approvals
    assert "fakta_benar" in approvals and "(terverifikasi)" in approvals
    fill(driver, "fakta-instansi-nama", "Pemerintah Kabupaten Contoh")
    click(driver, "fakta-pj")
    click(driver, "fakta-terapkan")
    wait_yaml(driver, "pj_kepala_daerah: true")
    assert "nama: Pemerintah Kabupaten Contoh" in yaml_shown(driver)
    fill(driver, "fakta-tanggal-penetapan-paslon", "2026-02-30")
    click(driver, "fakta-terapkan")
    wait_text(driver, "tanggal_penetapan_paslon")  # the invalid date is refused, located
    click(driver, "fakta-pj")
    fill(driver, "fakta-tanggal-penetapan-paslon", "2026-11-27")
    click(driver, "fakta-terapkan")
    wait_yaml(driver, "tanggal_penetapan_paslon: '2026-11-27'")
    assert "pj_kepala_daerah" not in yaml_shown(driver)  # back to the default, not written
    # issue 18: the penyegaran switch sets the kabupaten-penyegaran values and takes them out
    click(driver, "penyegaran")
    wait_yaml(driver, "kotak_min_lewat_masa")
    assert "penalti_lewat_masa_jabatan: 1.0" in yaml_shown(driver)
    click(driver, "penyegaran")
    wait(driver, 20).until(lambda d: "kotak_min_lewat_masa" not in yaml_shown(d))


def test_plan_date_and_weights_are_validated(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/aturan")
    fill(driver, "skenario-tanggal", "2026-13-01")
    click(driver, "skenario-terapkan")
    wait_text(driver, "Perubahan ditolak")
    assert "tanggal_rencana" in text(driver, "masalah-skenario")
    fill(driver, "skenario-tanggal", PLAN_DATE)
    fill(driver, "skenario-nama", "uji-aturan")
    click(driver, "skenario-terapkan")
    wait_yaml(driver, f"tanggal_rencana: '{PLAN_DATE}'")
    assert "nama: uji-aturan" in yaml_shown(driver)
    before = yaml_shown(driver)

    fill(driver, "bobot-jpm", "-1")
    click(driver, "bobot-terapkan")
    wait_text(driver, "Perubahan ditolak")
    problems = text(driver, "masalah-skenario")
    assert "bobot.jpm" in problems and "terlalu kecil" in problems
    assert yaml_shown(driver) == before  # the scenario did not change

    fill(driver, "bobot-jpm", "0.5")
    click(driver, "bobot-terapkan")
    wait_yaml(driver, "jpm: 0.5")
    assert "Skenario diperbarui" in text(driver, "skenario-status")


def test_rule_parameter_change_shows_in_table_and_yaml(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/aturan")
    click(driver, "aturan-pilih")
    rule = by_testid(driver, "aturan-pilih")
    rule.send_keys("NAIK_SATU")
    option = wait(driver, 10).until(
        lambda d: d.find_element(
            By.XPATH, "//div[contains(@class,'q-item')][contains(., 'NAIK_SATU_JENJANG')]"
        )
    )
    option.click()
    wait(driver, 10).until(lambda d: by_testid(d, "parameter-nilai").get_attribute("value") == "1")
    fill(driver, "parameter-nilai", "dua")
    click(driver, "parameter-terapkan")
    wait_text(driver, "Perubahan ditolak")
    assert "aturan.NAIK_SATU_JENJANG.langkah_maks" in text(driver, "masalah-skenario")
    assert "NAIK_SATU_JENJANG" not in yaml_shown(driver)
    fill(driver, "parameter-nilai", "2")
    click(driver, "parameter-terapkan")
    wait_yaml(driver, "langkah_maks: 2")
    fill(driver, "tabel-aturan-cari", "NAIK_SATU")
    wait(driver, 10).until(lambda d: "langkah_maks = 2" in text(d, "tabel-aturan"))


def test_lock_with_unknown_nip_is_reported(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/aturan")
    fill(driver, "kunci-nip", "199901012020011999")
    fill(driver, "kunci-jabatan", "J-001")
    click(driver, "kunci-tambah")
    wait_yaml(driver, "199901012020011999")
    assert "199901012020011999 → J-001" in text(driver, "daftar-kunci")
    click(driver, "periksa-skenario")
    wait_text(driver, "belum dapat dijalankan")
    problems = text(driver, "masalah-periksa")
    assert "kunci.0" in problems and "NIP tidak ada di data pegawai" in problems
    screenshot(driver, "02-aturan")
    click(driver, "hapus-kunci-0")
    wait(driver, 10).until(lambda d: "kunci" not in yaml_shown(d))
    click(driver, "periksa-skenario")
    wait_text(driver, "tidak ada masalah")


def test_saved_yaml_is_what_the_cli_reads(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/aturan")
    click(driver, "simpan-skenario")
    label = text(driver, "skenario-tersimpan")
    saved = Path(label.split(" ", 2)[-1])  # "Disimpan ke PATH"
    sc = load_scenario(saved)
    assert sc.tanggal_rencana.isoformat() == PLAN_DATE and sc.nama == "uji-aturan"
    assert sc.bobot.jpm == 0.5 and sc.aturan == {"NAIK_SATU_JENJANG": {"langkah_maks": 2}}
    assert sc.data == tiny_dir.resolve()
    assert saved.read_text(encoding="utf-8").strip() in yaml_shown(driver)
    with urllib.request.urlopen(server.url + "/unduh/skenario.yaml", timeout=10) as response:
        assert response.read() == saved.read_bytes()
    env = {**os.environ, "PLACEMENT_STORE": str(tmp_path / "runs.sqlite")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "placement",
            "solve",
            str(tiny_dir),
            "--scenario",
            str(saved),
            "--out",
            str(tmp_path / "hasil"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def test_loading_a_scenario_file(server: Server, driver: Any, tmp_path: Path) -> None:
    open_page(driver, server.url + "/aturan")
    bad = tmp_path / "salah.yaml"
    bad.write_text("nama: x\nbobot:\n  jpmm: 1\n", encoding="utf-8")
    by_testid(driver, "muat-skenario").find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(
        str(bad)
    )
    wait_text(driver, "Berkas skenario ditolak")
    assert "bobot.jpmm" in text(driver, "masalah-muat")
    good = tmp_path / "baik.yaml"
    good.write_text(
        f"nama: dimuat\ntanggal_rencana: {PLAN_DATE}\nbatas:\n  perpindahan_total: 3\n",
        encoding="utf-8",
    )
    open_page(driver, server.url + "/aturan")
    by_testid(driver, "muat-skenario").find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(
        str(good)
    )
    wait_yaml(driver, "nama: dimuat")
    assert "perpindahan_total: 3" in yaml_shown(driver)
    assert "jpm: 0.5" not in yaml_shown(driver)  # the file replaces the scenario


def test_a_hostile_file_is_refused_and_a_shipped_scenario_loads(
    server: Server, driver: Any, tmp_path: Path
) -> None:
    arrays = ["&a [x, x, x, x, x, x, x, x, x]"] + [
        f"&{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(5)
    ]
    bomb = tmp_path / "bom.yaml"  # 240 bytes that expand to 3 MB (and, deeper, to gigabytes)
    bomb.write_text(
        f"nama: bom\naturan:\n  NAIK_SATU_JENJANG:\n    aktif: [{', '.join(arrays)}]\n",
        encoding="utf-8",
    )
    open_page(driver, server.url + "/aturan")
    upload = by_testid(driver, "muat-skenario").find_element(By.CSS_SELECTOR, "input[type=file]")
    upload.send_keys(str(bomb))
    wait_text(driver, "Berkas skenario ditolak")
    assert "node setelah alias dijabarkan" in text(driver, "masalah-muat")
    shipped = Path(__file__).parents[2] / "scenarios" / "kabupaten-dasar" / "skenario.yaml"
    upload = by_testid(driver, "muat-skenario").find_element(By.CSS_SELECTOR, "input[type=file]")
    upload.send_keys(str(shipped))  # the page is still in use after the refusal
    wait_yaml(driver, "nama: kabupaten-dasar")
    # the file leaves the demotion cost out: it keeps its default (0.5), as the solver reads it
    assert look(driver, "bobot-biaya-demosi", lambda e: e.get_attribute("value")) == "0.5"
