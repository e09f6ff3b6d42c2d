"""Rencana in a real browser: a solved run's plan table, summary, a move's explanation (rules
with legal basis, alternatives, why-not), vacancy chains, the 9-box grid and the dossier PDF —
each compared with what the library computes for the same plan folder."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from placement.plan.compare import read_plan_dir
from placement.plan.explain import alternatives, explain_move
from placement.plan.review import plan_summary
from placement.rules.eligibility import check_pair
from placement.succession.talent_map import talent_grid_moves
from placement.ui.i18n import KIND_LABELS
from placement.ui.people import mask_nip, post_name
from placement.workflow.studies import load_solved
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    TINY_DATE,
    body_text,
    by_testid,
    choose,
    click,
    downloaded,
    finished,
    look,
    open_page,
    scroll_to,
    search_pick,
    solve,
    text,
    texts,
    wait,
)


@pytest.fixture(scope="module")
def out(server: Server, tiny_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rencana") / "dasar"
    finished(solve(server.store, tiny_dir, folder, *TINY_DATE))  # run #1 of this server's store
    return folder


def test_no_run_yet(server: Server, driver: Any) -> None:
    open_page(driver, server.url + "/rencana")
    assert "Belum ada run" in text(driver, "rencana-kosong")


def test_plan_table_summary_chains_and_nine_box(server: Server, driver: Any, out: Path) -> None:
    files = read_plan_dir(out)
    summary = plan_summary(files)
    moves = files.plan[files.plan["jenis_perpindahan"] != "tetap"]
    assert len(moves) > 0
    open_page(driver, server.url + "/rencana?run=1", "rencana-tabel")
    assert "#1" in text(driver, "rencana-run")
    for nip in files.plan["nip"]:
        row = text(driver, f"rencana-baris-{nip}")
        kind = files.plan.loc[files.plan["nip"] == nip, "jenis_perpindahan"].item()
        assert KIND_LABELS[kind][0] in row
    assert text(driver, "ringkasan-terisi") == f"{summary.filled} / {summary.posts_in_scope}"
    assert text(driver, "ringkasan-lowong") == str(summary.vacant)
    assert text(driver, "ringkasan-pindah") == str(len(moves))
    assert "optimal" in text(driver, "rencana-ringkasan")
    assert "OPTIMAL" not in text(driver, "rencana-ringkasan")
    assert "Skor = nilai penempatan ini bagi rencana" in text(driver, "rencana-arti")
    chains = text(driver, "rantai-ringkasan")
    assert chains.startswith(f"{summary.chains} rantai, {summary.cycles} siklus")
    rows = texts(driver, "rantai-tabel", "tbody tr")
    assert len(rows) == len(files.chains)
    posts = {
        p for c in ("jabatan_asal_id", "jabatan_tujuan_id") for p in files.chains[c].dropna() if p
    }
    graph = text(driver, "rantai-graf-info")
    assert f"{len(posts)} jabatan (hijau), {len(files.chains)} panah" in graph
    by_testid(driver, "rantai-graf")
    ds, _, _ = load_solved(out)
    grid = talent_grid_moves(ds, files.plan)
    by_testid(driver, "kotak9", timeout=60)
    for cell in grid.itertuples(index=False):
        assert text(driver, f"kotak-{cell.kotak}-jumlah") == f"{cell.jumlah} pegawai"
        assert text(driver, f"kotak-{cell.kotak}-pindah") == f"{cell.pindah} pindah"
    assert grid["pindah"].sum() == len(moves)
    screenshot(driver, "04-rencana")
    scroll_to(driver, "rantai-ringkasan", "start")
    screenshot(driver, "04b-rencana-rantai-kotak9")


def test_explanation_alternatives_and_why_not(server: Server, driver: Any, out: Path) -> None:
    ds, result, _ = load_solved(out)
    files = read_plan_dir(out)
    movers = files.plan[files.plan["jenis_perpindahan"] != "tetap"]
    nip, post, alts = next(
        (str(n), str(j), alts)
        for n, j in zip(movers["nip"], movers["jabatan_tujuan_id"], strict=True)
        for alts in [alternatives(ds, result, str(j), 3)]
        if alts
    )
    e = explain_move(ds, result.scenario, result, nip)
    open_page(driver, server.url + "/rencana?run=1", "rencana-tabel")
    click(driver, f"rencana-baris-{nip}")
    wait(driver).until(lambda d: e.checks[0].rule_id in text(d, "penjelasan-aturan"))
    rules = text(driver, "penjelasan-aturan")
    for c in e.checks:
        assert c.rule_id in rules and c.legal_basis.split(",")[0] in rules
    wait(driver).until(lambda d: post_name(ds, post) in text(d, "penjelasan-pindah"))
    moved = text(driver, "penjelasan-pindah")
    assert post_name(ds, post) in moved and post not in moved  # names, not codes
    wait(driver).until(lambda d: alts[0].nama in text(d, "penjelasan-alternatif"))
    shown = text(driver, "penjelasan-alternatif")
    for a in alts:
        assert a.nama in shown and a.nip not in shown and mask_nip(a.nip, False) in shown
    href = look(driver, "penjelasan-cetak", lambda el: el.get_attribute("href"))
    assert href and f"/rencana/cetak?run=1&nip={nip}" in href  # the print view of this move
    assert "lulus" in rules
    wait(driver).until(lambda d: "Sumbangan" in text(d, "penjelasan-skor"))
    screenshot(driver, "05-penjelasan")
    # why not: a pair that fails a rule shows that rule
    fail = next(
        (p, j, check)
        for p in ds.pegawai["nip"]
        for j in ds.jabatan["jabatan_id"]
        for check in [c for c in check_pair(ds, result.scenario, p, j).checks if not c.passed][:1]
    )
    who, where = ds.pegawai["name"].iloc[ds.person_index[fail[0]]], post_name(ds, fail[1])
    search_pick(driver, "whynot-nip", who.split()[0], f"{who} — ")  # by name, not by NIP
    search_pick(driver, "whynot-jabatan", where.split(" (")[0][:10], where)
    click(driver, "whynot-tanya")
    wait(driver, 60).until(lambda d: f"{who} → {where}" in text(d, "whynot-hasil"))
    answer = text(driver, "whynot-hasil")
    assert "Tidak memenuhi syarat: " in answer
    assert fail[2].rule_id in answer and fail[2].legal_basis in answer
    assert fail[0] not in answer and fail[1] not in answer  # no NIP, no post code
    scroll_to(driver, "whynot-nip", "start")
    screenshot(driver, "05b-penjelasan-mengapa-tidak")
    other = next(  # another person and post, typed: a full NIP and a post code still work
        (p, j)
        for p in ds.pegawai["nip"]
        for j in ds.jabatan["jabatan_id"]
        if p != fail[0] and j != fail[1] and not check_pair(ds, result.scenario, p, j).eligible
    )
    search_pick(driver, "whynot-nip", other[0])
    search_pick(driver, "whynot-jabatan", other[1])
    click(driver, "whynot-tanya")
    typed = f"{ds.pegawai['name'].iloc[ds.person_index[other[0]]]} → {post_name(ds, other[1])}"
    wait(driver, 60).until(lambda d: typed in text(d, "whynot-hasil"))
    click(driver, "penjelasan-tutup")


def test_dossier_pdf_is_made_and_downloadable(server: Server, driver: Any, out: Path) -> None:
    open_page(driver, server.url + "/rencana?run=1", "rencana-tabel")
    assert not look(driver, "unduh-dosir", lambda e: e.is_displayed())
    click(driver, "buat-dosir")
    wait(driver, 120).until(lambda d: look(d, "unduh-dosir", lambda e: e.is_displayed()))
    assert "siap" in text(driver, "dosir-status")
    href = look(driver, "unduh-dosir", lambda e: e.get_attribute("href"))
    assert href and href.endswith("/unduh/run/1/dosir.pdf")
    with urllib.request.urlopen(href, timeout=30) as response:
        assert response.status == 200
        assert response.read(4) == b"%PDF"
    xlsx = look(driver, "unduh-rencana", lambda e: e.get_attribute("href"))
    with urllib.request.urlopen(xlsx, timeout=30) as response:
        assert response.status == 200 and response.read(2) == b"PK"
    assert "Buat dosir PDF" in body_text(driver)


def test_filter_by_opd_and_kind_and_download_the_filtered_table(
    server: Server, driver: Any, out: Path
) -> None:
    plan = read_plan_dir(out).plan
    moves = plan[plan["jenis_perpindahan"] != "tetap"]
    opd = str(moves["opd_tujuan"].value_counts().index[0])
    touching = plan[(plan["opd_asal"] == opd) | (plan["opd_tujuan"] == opd)]
    open_page(driver, server.url + "/rencana?run=1", "rencana-tabel")
    nip = str(plan["nip"].iloc[0])
    row = text(driver, f"rencana-baris-{nip}")
    assert nip not in row and mask_nip(nip, False) in row  # masked unless 'tampilkan rincian'
    choose(driver, "saring-opd", opd)
    wait(driver, 20).until(
        lambda d: text(d, "saring-jumlah").startswith(f"{len(touching)} dari {len(plan)}")
    )
    shown = texts(driver, "rencana-tabel", "tbody tr")
    assert len(shown) == len(touching)
    for name in touching["nama"]:
        assert any(name in r for r in shown)
    kind = str(touching[touching["jenis_perpindahan"] != "tetap"]["jenis_perpindahan"].iloc[0])
    both = touching[touching["jenis_perpindahan"] == kind]
    choose(driver, "saring-jenis", KIND_LABELS[kind][0])
    wait(driver, 20).until(lambda d: text(d, "saring-jumlah").startswith(f"{len(both)} dari"))
    screenshot(driver, "04c-rencana-saring-opd")
    click(driver, "unduh-tabel")
    xlsx = downloaded(driver.downloads, "run1-tabel-rencana*.xlsx")
    sheet = pd.read_excel(xlsx, dtype=str)
    assert sorted(sheet["Nama"]) == sorted(both["nama"])
    assert sorted(sheet["NIP"]) == sorted(mask_nip(n, False) for n in both["nip"])
    assert set(sheet["Jenis"]) == {KIND_LABELS[kind][0]}
    assert set(sheet["OPD tujuan"]) <= set(both["opd_tujuan"])
    assert not any(c.startswith("_") for c in sheet.columns)  # no hidden key columns
    xlsx.unlink()
    click(driver, "rinci")  # details on: full NIPs
    wait(driver, 20).until(lambda d: str(both["nip"].iloc[0]) in text(d, "rencana-tabel"))


def test_print_view_of_a_move(server: Server, driver: Any, out: Path) -> None:
    ds, result, _ = load_solved(out)
    plan = read_plan_dir(out).plan
    mover = plan[plan["jenis_perpindahan"] != "tetap"].iloc[0]
    nip = str(mover["nip"])
    e = explain_move(ds, result.scenario, result, nip)
    open_page(driver, f"{server.url}/rencana/cetak?run=1&nip={nip}&rinci=0", "cetak-tombol")
    page = text(driver, "cetak")
    assert e.nama in page and str(mover["jabatan_tujuan"]) in page
    for c in e.checks:
        assert c.rule_id in page and c.legal_basis.split(",")[0] in page
    assert "Penjelasan perpindahan" in page and "WIB" in page
    assert not driver.find_elements("css selector", '[data-testid="nav-data"]')  # no navigation
    screenshot(driver, "05c-penjelasan-cetak")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not look(driver, "cetak-tombol", lambda el: el.is_displayed())
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
