"""Data → "Impor dari SIASN" in a real browser: a SIASN-shaped export of the tiny region in which
one holder's post name fits two posts; the link is settled in the browser, then the data is in
use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.siasn_export import fill_post_names, write_export
from tests.ui.conftest import Server
from tests.ui.helpers import by_testid, choose, click, open_page, text, wait_text

AMBIGUOUS = "Kepala Seksi Pelayanan Kesehatan"  # Primer (J-006) or Rujukan (J-007)?


def export(folder: Path) -> dict[str, Path]:
    """The tiny region's export with the holder of J-006 written without "Primer"."""
    import pandas as pd

    from placement.synth import generate

    files = write_export(fill_post_names(generate("tiny", 0)), folder)
    siasn = pd.read_csv(files["siasn"], dtype=str, keep_default_na=False)
    held = siasn["JABATAN NAMA"] == f"{AMBIGUOUS} Primer"
    assert held.sum() == 1
    siasn.loc[held, "JABATAN NAMA"] = AMBIGUOUS
    siasn.to_csv(files["siasn"], index=False)
    return files


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
    wait_text(driver, "Ekspor SIASN (Export Data ASN)", timeout=20)
    upload(driver, "jabatan", files["jabatan"])
    wait_text(driver, "Diunggah: Ekspor SIASN (Export Data ASN), Peta jabatan")
    click(driver, "impor-jalankan")
    row = text(driver, "impor-keputusan-0")
    assert AMBIGUOUS in row and "lebih dari satu jabatan cocok" in row
    assert "belum tertaut 1" in text(driver, "impor-metode")
    choose(driver, "impor-pilih-0", f"J-006 {AMBIGUOUS} Primer (Dinas Kesehatan)")
    click(driver, "impor-ulang")
    assert "sekarang dipakai" in text(driver, "impor-selesai")
    methods = text(driver, "impor-metode")
    assert "keputusan Anda 1" in methods and "belum tertaut" not in methods
    assert "30 pegawai" in text(driver, "data-status")
    assert text(driver, "data-nama").endswith("data impor SIASN")
    click(driver, "impor-lanjut")
    by_testid(driver, "nav-aturan")
    open_page(driver, server.url + "/data")
    assert text(driver, "data-nama").endswith("data impor SIASN")
    assert "30 pegawai" in text(driver, "data-status")
