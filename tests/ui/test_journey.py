"""The whole planner's path through the UI, as issue 11 states it: upload the tiny data, run,
open a move's explanation, run a second scenario, compare the two runs, approve one, download
the dossier; then (issue 21) import a SIASN-shaped export on the Data page, with one ambiguous
link settled in the browser, and scan every page, the import's links and decisions included, for
words a planner should not read, in Indonesian and in English. Every step asserts on what the
page shows and on what the library records."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from placement.config import Skenario
from placement.io.readers import load_dataset
from placement.plan.compare import read_plan_dir
from placement.rules.eligibility import check_pair
from placement.store.runs import RunStore
from placement.synth import preset_plan_date
from tests.siasn_export import AMBIGUOUS, fill_post_names, make_ambiguous, write_export
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    by_testid,
    choose,
    click,
    content,
    downloaded,
    fill,
    open_page,
    scroll_to,
    text,
    texts,
    wait,
    wait_text,
)

SCANNED = {
    "/data": "nav-data",
    "/aturan": "tabel-aturan",
    "/jalankan": "run-skenario",
    "/rencana?run=3": "kotak9",
    "/bandingkan?runs=1,2": "banding-kpi",
    "/suksesi": "tabel-kekuatan",
    "/riwayat?run=1": "tabel-kpi",
    "/riwayat?run=3": "tabel-kpi",
}  # page → what it shows once filled in (3: the kabupaten; 1: approved, compared with 2)
VISIBLE = """
const copy = document.body.cloneNode(true);
copy.querySelectorAll('pre, code, .kutipan, script, style, .q-icon').forEach(e => e.remove());
document.body.appendChild(copy);
copy.style.position = 'absolute';
const shown = copy.innerText;
const headers = [...copy.querySelectorAll('th')].map(e => e.innerText).join(' | ');
copy.remove();
return [shown, headers];
"""  # the page's text and table headers without YAML previews, code, icons and quoted text
EXCLUDED = (
    re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"),  # rule ids and problem codes
    re.compile(r"[\w.-]+\.(?:csv|xlsx|yaml|json|pdf)\b"),  # file names
)
FORBIDDEN_BOTH = {
    "backend": re.compile(r"\bbackend\b", re.I),
    "UTC": re.compile(r"\bUTC\b"),
    "ISO timestamp": re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?"),
}
FORBIDDEN_ID = {
    "warning": re.compile(r"\bwarning\b", re.I),
    "error": re.compile(r"\berror\b", re.I),
}
INDONESIAN = (
    "yang",
    "dan",
    "tidak",
    "Unduh",
    "Simpan",
    "Pilih",
    "Belum",
    "Setujui",
    "Disetujui",
    "Batalkan",
    "Terapkan",
    "Tingkat",
    "Cari",
    "halaman",
    "pegawai",
    "perpindahan",
    "lowong",
    "tahun",
    "Selesai",
    "Dibuat",
    "Tambah",
    "Jabatan",
    "Rencana",
    "Kotak",
    "rincian",
    "Jalankan",
    "Bandingkan",
    "Riwayat",
    "Suksesi",
    "Aturan",
    "Skenario",
)


RULE_TEXTS = {"gol_min", "pendidikan_min", "tmt_jabatan", "tmt_jenjang"}  # template columns the
# rule pack's descriptions name (placement/rules, shown on /aturan): to be reworded there


def column_names() -> set[str]:
    """The snake_case column names of the data, plan, chain, succession and KPI tables."""
    from placement.domain.schema import TABLES
    from placement.plan.chains import CHAIN_COLUMNS
    from placement.plan.compare import KPIS
    from placement.plan.plan import PLAN_COLUMNS
    from placement.succession.sheets import _EN
    from placement.ui.pages.succession import BENCH_COLUMNS, SUCCESSOR_COLUMNS

    names = {c.header for t in TABLES for c in t.columns} | {
        c.field for t in TABLES for c in t.columns
    }
    names |= set(PLAN_COLUMNS) | set(CHAIN_COLUMNS) | set(KPIS) | set(_EN) | set(_EN.values())
    names |= set(BENCH_COLUMNS) | set(SUCCESSOR_COLUMNS)
    return {n for n in names if "_" in n}


def forbidden_tokens(english: bool, data_words: set[str]) -> dict[str, re.Pattern[str]]:
    """The tokens a planner should not read in this language (data values are not UI words)."""
    forbidden = dict(FORBIDDEN_BOTH) if english else {**FORBIDDEN_BOTH, **FORBIDDEN_ID}
    for name in sorted(column_names() - RULE_TEXTS):
        forbidden[name] = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w.])")
    if english:
        for word in INDONESIAN:
            if word.lower() not in data_words:
                forbidden[word] = re.compile(rf"\b{word}\b")
    return forbidden


def hits(driver: Any, where: str, forbidden: dict[str, re.Pattern[str]]) -> list[str]:
    """Forbidden tokens on the page as it is now: "where: token (excerpt)"."""
    shown, headers = driver.execute_script(VISIBLE)
    for pattern in EXCLUDED:
        shown = pattern.sub(" ", shown)
    found = []
    for token, pattern in forbidden.items():
        hit = pattern.search(shown)
        if hit:
            found.append(f"{where}: {token} ({shown[max(hit.start() - 40, 0) : hit.end() + 40]!r})")
    if re.search(r"\b[a-z]+_[a-z0-9_]+\b", headers):
        found.append(f"{where}: snake_case header ({headers[:200]!r})")
    return found


def scan(driver: Any, server: Server, data_words: set[str]) -> list[str]:
    """Forbidden tokens on every page in the current language, the import's results included."""
    forbidden = forbidden_tokens("Bahasa Indonesia" in text(driver, "lang"), data_words)
    found = []
    for path, ready in SCANNED.items():
        open_page(driver, server.url + path, ready)
        found += hits(driver, path, forbidden)
    return found


def export(folder: Path) -> dict[str, Path]:
    """The tiny region's SIASN-shaped export with one holder's post name fitting two posts."""
    from placement.synth import generate

    files = write_export(fill_post_names(generate("tiny", 0)), folder)
    make_ambiguous(files["siasn"])
    return files


def start_import(driver: Any, server: Server, files: dict[str, Path], uploaded: str) -> None:
    """Data → Impor dari SIASN: upload the export and the peta jabatan, import, open the links."""
    open_page(driver, server.url + "/data")
    for role in ("siasn", "jabatan"):
        field = by_testid(driver, f"impor-unggah-{role}").find_element(
            "css selector", "input[type=file]"
        )
        field.send_keys(str(files[role]))
    wait_text(driver, uploaded)
    click(driver, "impor-jalankan")
    by_testid(driver, "impor-keputusan-0", timeout=60)
    click(driver, "impor-tabel-tautan")  # the links found, with the decision form above


def export_words(files: dict[str, Path]) -> set[str]:
    """The words of the export's names, posts and units (data, not UI words)."""
    frame = pd.read_csv(files["siasn"], dtype=str, keep_default_na=False)
    values = " ".join(" ".join(frame[c]) for c in ("NAMA", "JABATAN NAMA", "UNOR NAMA"))
    return {w.lower() for w in re.findall(r"\w+", values)}


def _run(driver: Any, server: Server, number: int) -> None:
    open_page(driver, server.url + "/jalankan")
    click(driver, "mulai")
    wait_text(driver, f"Selesai: run #{number}", timeout=180)


def dataset_words(ds: Any) -> set[str]:
    """The words of a dataset's names, units, posts and OPDs (data, not UI words)."""
    words = " ".join(
        " ".join(str(v) for v in frame[c].dropna())
        for frame, c in (
            (ds.pegawai, "name"),
            (ds.pegawai, "unit"),
            (ds.pegawai, "post_name"),
            (ds.jabatan, "name"),
            (ds.jabatan, "opd"),
        )
        if c in frame
    )
    return {w.lower() for w in re.findall(r"\w+", words)}


def use_kabupaten(driver: Any, server: Server, kabupaten_dir: Path) -> None:
    """Data: upload the kabupaten's csv files and use them; Aturan: name the scenario; run #3."""
    open_page(driver, server.url + "/data")
    field = driver.find_element("css selector", '[data-testid="unggah"] input[type=file]')
    field.send_keys("\n".join(str(f) for f in sorted(kabupaten_dir.glob("*.csv"))))
    wait(driver, 60).until(lambda d: "standar_kompetensi.csv" in text(d, "unggahan"))
    click(driver, "pakai-unggahan")
    wait(driver, 120).until(lambda d: "Data valid: 3.000 pegawai" in text(d, "data-status"))
    open_page(driver, server.url + "/aturan")
    fill(driver, "skenario-nama", "kabupaten")
    click(driver, "skenario-terapkan")
    wait_text(driver, "Skenario diperbarui")
    _run(driver, server, 3)


def test_planner_journey(
    server: Server, driver: Any, tiny_dir: Path, kabupaten_dir: Path, tmp_path: Path
) -> None:
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
    ds, _ = load_dataset(tiny_dir)
    sc = Skenario(tanggal_rencana=preset_plan_date("tiny"))
    checks = check_pair(ds, sc, str(moved["nip"]), str(moved["jabatan_tujuan_id"])).checks
    rules = content(driver, "penjelasan-aturan", checks[-1].rule_id)  # the table's last row drawn
    for c in checks:
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
    wait(driver, 20).until(lambda d: "jpm: 0.9" in text(d, "skenario-yaml"))
    _run(driver, server, 2)

    # 5. Bandingkan: both runs side by side.
    open_page(driver, server.url + "/bandingkan", "banding-kpi")
    headers = texts(driver, "banding-kpi", "thead th")
    assert headers[1].startswith("#1 dasar · ") and headers[2].startswith("#2 jpm-tinggi · ")

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
    wait(driver, 120).until(lambda d: "siap" in text(d, "dosir-status"))
    click(driver, "unduh-dosir")
    pdf = downloaded(driver.downloads, "*.pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"

    # 8. Data → Impor dari SIASN: one holder's post name fits two posts; the planner settles it.
    files = export(tmp_path / "siasn")
    start_import(driver, server, files, "Diunggah: Ekspor SIASN (Export Data ASN), Peta jabatan")
    row = text(driver, "impor-keputusan-0")
    assert AMBIGUOUS in row and "lebih dari satu jabatan cocok" in row
    assert "belum tertaut 1" in text(driver, "impor-metode")
    problems = texts(driver, "impor-masalah", "tbody tr")  # a warning per person, grouped by code
    assert len(problems) == 2 and any("29 kali, mis. " in r for r in problems), problems
    assert "Semua 41 masalah satu per satu" in text(driver, "impor-masalah-semua")
    scroll_to(driver, "impor-masalah", "center")
    screenshot(driver, "01d-data-impor-masalah")
    wait(driver).until(lambda d: "nama sama" in text(d, "impor-tautan"))
    assert "Skor kemiripan: seberapa mirip nama jabatan" in text(driver, "impor-skor-arti")
    data_words = (
        dataset_words(ds)
        | export_words(files)
        | {"dasar", "jpm", "tinggi", "kepala", "bkpsdm", "rapat", "baperjakat"}
    )
    found = hits(driver, "/data (impor)", forbidden_tokens(False, data_words))
    scroll_to(driver, "impor-ringkasan", "start")
    screenshot(driver, "01c-data-impor-siasn")
    choose(driver, "impor-pilih-0", f"J-006 {AMBIGUOUS} Primer (Dinas Kesehatan)")
    click(driver, "impor-ulang")
    assert "sekarang dipakai" in text(driver, "impor-selesai")
    methods = text(driver, "impor-metode")
    assert "keputusan Anda 1" in methods and "belum tertaut" not in methods
    click(driver, "impor-lanjut")
    wait(driver).until(lambda d: d.current_url.endswith("/aturan"))
    open_page(driver, server.url + "/data")  # the data in use, as the Data page shows it
    assert text(driver, "data-nama").endswith("data impor SIASN")
    assert "Data valid: 30 pegawai, 12 jabatan" in text(driver, "data-status")

    # 9. The kabupaten (3,000 people) uploaded, used and solved: run #3.
    use_kabupaten(driver, server, kabupaten_dir)
    data_words |= dataset_words(load_dataset(kabupaten_dir)[0]) | {"kabupaten"}

    # 10. The planner's language on every page with the kabupaten's data and plan, after a solve,
    # an approval, a comparison and an import: Indonesian mode, then English mode (data values —
    # names, posts, OPDs — are not UI words), the import's links and decision form in English too.
    assert found + scan(driver, server, data_words) == []
    click(driver, "lang")
    wait_text(driver, "Bahasa Indonesia")
    try:
        start_import(
            driver, server, files, "Uploaded: SIASN export (Export Data ASN), Peta jabatan"
        )
        assert "more than one post matches" in text(driver, "impor-keputusan-0")
        wait(driver).until(lambda d: "same name" in text(d, "impor-tautan"))
        found = hits(driver, "/data (import)", forbidden_tokens(True, data_words))
        assert found + scan(driver, server, data_words) == []
    finally:
        click(driver, "lang")
        wait_text(driver, "English")
