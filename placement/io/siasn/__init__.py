"""Import a BKPSDM's own files (SIASN "Export Data ASN", peta jabatan, kompetensi, talenta,
e-Kinerja, hukuman disiplin, riwayat jabatan, job fit) into the canonical data folder.

Modules: ``read`` (one source file as text rows), ``headers`` (header variants), ``values``
(NIPs, dates), ``labels`` (SIASN labels → ours), ``unor`` (UNOR chain → OPD), ``link`` (people
→ posts), ``sides`` (the side files), ``core`` (:func:`import_siasn`), ``report`` (the data
folder and laporan-impor.xlsx).
"""

from placement.io.siasn.core import ImportOptions, ImportResult, import_siasn
from placement.io.siasn.report import REPORT_NAME, report_json, write_import, write_report

__all__ = [
    "REPORT_NAME",
    "ImportOptions",
    "ImportResult",
    "import_siasn",
    "report_json",
    "write_import",
    "write_report",
]
