"""Data → "Impor dari SIASN" in a real browser: a SIASN-shaped export of the tiny region in which
one holder's post name fits two posts; the link is settled in the browser, then the data is in
use."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from selenium.webdriver.support.ui import WebDriverWait

from tests.siasn_export import AMBIGUOUS, fill_post_names, make_ambiguous, write_export
from tests.ui.conftest import Server
from tests.ui.helpers import by_testid, choose, click, open_page, text, wait_text
from tests.ui.test_journey import EXCLUDED, FORBIDDEN_BOTH, FORBIDDEN_ID, VISIBLE, column_names


def export(folder: Path) -> dict[str, Path]:
    """The tiny region's export with one holder's post name fitting two posts."""
    from placement.synth import generate

    files = write_export(fill_post_names(generate("tiny", 0)), folder)
    make_ambiguous(files["siasn"])
    return files


@cache
def forbidden() -> dict[str, re.Pattern[str]]:
    """The journey test's forbidden tokens in Indonesian mode."""
    found = {**FORBIDDEN_BOTH, **FORBIDDEN_ID}
    for name in column_names():
        found[name] = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w.])")
    return found


def jargon(driver: Any) -> list[str]:
    """Forbidden tokens and snake_case table headers on the page as it is now."""
    shown, headers = driver.execute_script(VISIBLE)
    for pattern in EXCLUDED:
        shown = pattern.sub(" ", shown)
    found = [token for token, pattern in forbidden().items() if pattern.search(shown)]
    return found + re.findall(r"\b[a-z]+_[a-z0-9_]+\b", headers)


def upload(driver: Any, role: str, path: Path) -> None:
    field = by_testid(driver, f"impor-unggah-{role}").find_element(
        "css selector", "input[type=file]"
    )
    field.send_keys(str(path))


def test_import_with_one_link_settled_in_the_browser(
    server: Server, driver: Any, tmp_path: Path
) -> None:
    files = export(tmp_path)
    open_page(driver, server.url + "/data")
    upload(driver, "siasn", files["siasn"])
    upload(driver, "jabatan", files["jabatan"])
    wait_text(driver, "Diunggah: Ekspor SIASN (Export Data ASN), Peta jabatan")
    click(driver, "impor-jalankan")
    row = text(driver, "impor-keputusan-0")
    assert AMBIGUOUS in row and "lebih dari satu jabatan cocok" in row
    assert "belum tertaut 1" in text(driver, "impor-metode")
    click(driver, "impor-tabel-tautan")  # the links found, with the decision form: no jargon
    WebDriverWait(driver, 20).until(lambda d: "nama sama" in text(d, "impor-tautan"))
    assert jargon(driver) == []
    choose(driver, "impor-pilih-0", f"J-006 {AMBIGUOUS} Primer (Dinas Kesehatan)")
    click(driver, "impor-ulang")
    assert "sekarang dipakai" in text(driver, "impor-selesai")
    methods = text(driver, "impor-metode")
    assert "keputusan Anda 1" in methods and "belum tertaut" not in methods
    click(driver, "impor-lanjut")
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/aturan"))
    open_page(driver, server.url + "/data")  # the data in use, as the Data page shows it
    assert text(driver, "data-nama").endswith("data impor SIASN")
    assert "Data valid: 30 pegawai, 12 jabatan" in text(driver, "data-status")
