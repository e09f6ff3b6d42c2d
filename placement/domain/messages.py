"""The message catalogue: the Indonesian and English template of each code's located message,
filled by :func:`issue` with named fields; the code's severity and one-line description come
from the code table (:data:`placement.domain.validate.codes.CODES`).

Started with the date and structure checks of domain/validate (issue 23); the other messages of
the library are still built where they are raised.
"""

from __future__ import annotations

from dataclasses import dataclass

from placement.domain.errors import Issue


@dataclass(frozen=True, slots=True)
class Template:
    """A message in both languages, ``str.format`` fields by name."""

    id: str
    en: str


@dataclass(frozen=True, slots=True)
class Where:
    """Where an issue is: file, Excel row (None: the whole file or column) and column."""

    file: str
    row: int | None = None
    column: str | None = None


TEMPLATES: dict[str, Template] = {
    "KOLOM_WAJIB_TIDAK_ADA": Template(
        "Kolom wajib '{header}' ({meaning_id}) tidak ada di {file}. "
        "Tambahkan kolom dengan judul '{header}' (lihat template).",
        "Required column '{header}' ({meaning_en}) is missing in {file}. "
        "Add a column headed '{header}' (see the template).",
    ),
    "TABEL_TANPA_DATA": Template(
        "{file} tidak berisi baris data. Isi minimal satu baris di bawah judul kolom.",
        "{file} has no data rows. Add at least one row below the header.",
    ),
    "TANGGAL_LAHIR_TIDAK_SESUAI_NIP": Template(
        "Tanggal lahir {given} tidak sama dengan tanggal lahir di NIP ({from_nip}). "
        "Periksa SK/data SIASN lalu perbaiki tanggal_lahir atau NIP.",
        "Birth date {given} differs from the birth date in the NIP ({from_nip}). "
        "Check the decree / SIASN data and correct the birth date or the NIP.",
    ),
    "TANGGAL_TERLALU_AWAL": Template(
        "{label_id} {value} sebelum pegawai berusia {min_age} tahun (lahir {born}). "
        "Periksa tanggal ini dan tanggal lahir / NIP.",
        "{label_en} {value} is before the person turned {min_age} (born {born}). "
        "Check this date and the birth date / NIP.",
    ),
    "TANGGAL_MASA_DEPAN": Template(
        "{label_id} {value} setelah {when_id}: tanggal ini belum terjadi. "
        "Perbaiki tanggalnya (cek SK / data SIASN).",
        "{label_en} {value} is after {when_en}: it has not happened yet. "
        "Correct it (check the decree / SIASN data).",
    ),
    "USIA_TIDAK_WAJAR": Template(
        "Usia {years} tahun pada {when_id} (lahir {born}); ASN berusia {min_age}–{max_age} "
        "tahun. Periksa tanggal lahir / NIP.",
        "Age {years} at {when_en} (born {born}); civil servants are {min_age}–{max_age}. "
        "Check the birth date / NIP.",
    ),
    "ESELON_TIDAK_SESUAI_JENIS": Template(
        "Eselon {eselon} adalah jabatan {want}, bukan {kind}. Perbaiki eselon atau jenis_jabatan.",
        "Eselon {eselon} is a {want} post, not {kind}. Correct the eselon or the kind.",
    ),
}


def issue(code: str, where: Where, /, **fields: object) -> Issue:
    """The located Issue of ``code``: its severity from the code table, its messages from the
    templates filled with ``fields``."""
    from placement.domain.validate.codes import CODES  # at call time: validate imports this

    template = TEMPLATES[code]
    return Issue(
        where.file,
        where.row,
        where.column,
        code,
        CODES[code].severity,
        template.id.format(**fields),
        template.en.format(**fields),
    )


__all__ = ["TEMPLATES", "Template", "Where", "issue"]
