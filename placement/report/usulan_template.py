"""Building the shipped Word template ``templates/usulan.docx`` with python-docx: every section
of the usulan package as plain Word with docxtpl's Jinja tags, one function per section
(``python -m placement.report.usulan_docx`` rebuilds it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from placement.report.usulan import DAFTAR_HEAD, SECTIONS


def _field(paragraph: Any, code: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES, TOC) in ``paragraph``; Word computes it when opened."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, shown),
        ("end", None),
    ):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    pr.append(el)


def _daftar_table(doc: Any) -> None:
    """The Daftar usulan table: repeated header row, a merged group row, one row per move."""
    from docx.shared import Pt

    table = doc.add_table(rows=7, cols=len(DAFTAR_HEAD))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, DAFTAR_HEAD, strict=True):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0])
    texts = [
        "{%tr for g in groups %}",
        "{{ g.title }}",
        "{%tr for r in g.rows %}",
        None,
        "{%tr endfor %}",
        "{%tr endfor %}",
    ]
    for row, text in zip(table.rows[1:], texts, strict=True):
        if text is None:
            for k, cell in enumerate(row.cells):
                cell.text = f"{{{{ r[{k}] }}}}"
            continue
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = text
        if text == "{{ g.title }}":
            merged.paragraphs[0].runs[0].bold = True
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(7)


def _loop(doc: Any, var: str, items: str, body: list[tuple[str, str | None]]) -> None:
    doc.add_paragraph(f"{{%p for {var} in {items} %}}")
    for text, style in body:
        doc.add_paragraph(text, style=style)
    doc.add_paragraph("{%p endfor %}")


def _blocks(doc: Any, items: str) -> None:
    doc.add_paragraph(f"{{%p for b in {items} %}}")
    doc.add_paragraph("{{ b.title }}", style="Heading 3")
    doc.add_paragraph("{{ b.subtitle }}")
    doc.add_paragraph("{%p for s in b.sections %}")
    p = doc.add_paragraph()
    p.add_run("{{ s.title }}").bold = True
    doc.add_paragraph("{%p for line in s.lines %}")
    doc.add_paragraph("{{ line }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")


def _signature(doc: Any, place: str) -> None:
    from docx.shared import Mm

    for text in (place, "{{ ppk }},", "", "", "[tanda tangan dan nama]"):
        doc.add_paragraph(text).paragraph_format.left_indent = Mm(95)


def build_template(path: Path) -> Path:
    """Write the default Word template (A4, Arial, kop in the header, page numbers in the footer,
    a TOC field, every section of the package) to ``path``."""
    from docx import Document

    doc = Document()
    _page_setup(doc)
    _cover(doc)
    _ringkasan(doc)
    _daftar_section(doc)
    _nota(doc)
    _sk(doc)
    _lampiran_sk(doc)
    _letters(doc)
    _appendices(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _page_setup(doc: Any) -> None:
    """A4 portrait, Arial 10, the kop in the header, the page numbers in the footer, and the
    fields (TOC, page numbers) updated when Word opens the file."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = (
        Mm(20),
        Mm(15),
        Mm(15),
        Mm(15),
    )
    head = sec.header.paragraphs[0]
    head.text = "{{ kop }}"
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.runs[0].bold = True
    foot = sec.footer.paragraphs[0]
    foot.text = "{{ instansi }} — rancangan, tanggal rencana {{ plan_date }}    Halaman "
    _field(foot, "PAGE")
    foot.add_run(" dari ")
    _field(foot, "NUMPAGES")
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _page_break(doc: Any) -> None:
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _landscape(doc: Any, on: bool) -> None:
    """A new section on a new page, landscape A4 when ``on``, else portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    s = doc.add_section(WD_SECTION.NEW_PAGE)
    s.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = (Mm(297), Mm(210)) if on else (Mm(210), Mm(297))


def _cover(doc: Any) -> None:
    """The first page: logo, title, what the document is, the table of contents."""
    doc.add_paragraph("{{ logo }}")
    doc.add_heading("{{ title }}", level=0)
    doc.add_paragraph(
        "Tanggal rencana: {{ plan_date }}. Skenario: {{ scenario }}. RANCANGAN untuk "
        "dibahas Tim Penilai Kinerja dan ditetapkan PPK; nomor dan tanggal diisi "
        "saat penetapan."
    )
    doc.add_heading("Daftar isi", level=1)
    _field(doc.add_paragraph(), 'TOC \\o "1-1" \\h \\z \\u', "Perbarui daftar isi (F9).")
    _page_break(doc)


def _ringkasan(doc: Any) -> None:
    """Ringkasan untuk pimpinan: the summary, the approvals, the posts left vacant, charts."""
    doc.add_heading(SECTIONS[0], level=1)
    _loop(doc, "t", "summary", [("{{ t }}", None)])
    doc.add_paragraph("Persetujuan yang diperlukan sebelum SK ditetapkan:").runs[0].bold = True
    _loop(doc, "a", "approvals", [("{{ a }}", "List Bullet")])
    doc.add_paragraph("Jabatan yang dibiarkan lowong:").runs[0].bold = True
    _loop(doc, "v", "unfilled", [("{{ v }}", "List Bullet")])
    _loop(doc, "c", "charts", [("{{ c.title }}", None), ("{{ c.image }}", None)])


def _daftar_section(doc: Any) -> None:
    """The Daftar usulan, on landscape pages."""
    _landscape(doc, True)
    doc.add_heading(SECTIONS[1], level=1)
    doc.add_paragraph(
        "Jumlah usulan: {{ n_rows }}. Diurutkan menurut jenis perpindahan dan unit "
        "kerja tujuan; kolom Keterangan: kotak talenta, JPM di jabatan baru, nomor "
        "rantai kekosongan."
    )
    _daftar_table(doc)
    _landscape(doc, False)


def _nota(doc: Any) -> None:
    """The Nota pertimbangan with the Tim's signature table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc.add_heading(SECTIONS[2], level=1)
    title = doc.add_paragraph(
        "NOTA PERTIMBANGAN / BERITA ACARA TIM PENILAI KINERJA PEGAWAI NEGERI SIPIL"
    )
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    doc.add_paragraph("Nomor: [.....]").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _loop(doc, "t", "nota", [("{{ t }}", None)])
    doc.add_paragraph("{{ tempat }}, [tanggal]")
    doc.add_paragraph("Tim Penilai Kinerja Pegawai Negeri Sipil").runs[0].bold = True
    team = doc.add_table(rows=3, cols=3)
    team.style = "Table Grid"
    team.rows[0].cells[0].merge(team.rows[0].cells[-1]).text = "{%tr for s in team %}"
    cells = team.rows[1].cells
    cells[0].text, cells[1].text = "{{ s.role }}", "{{ s.name }}\n{{ s.nip }}"
    cells[2].text = "\n\n\n(tanda tangan)"
    team.rows[2].cells[0].merge(team.rows[2].cells[-1]).text = "{%tr endfor %}"
    _page_break(doc)


def _sk(doc: Any) -> None:
    """The draft SK: heading, Menimbang, Mengingat, Memutuskan, Diktum, signature."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc.add_heading(SECTIONS[3], level=1)
    for text in (
        "KEPUTUSAN {{ ppk_upper }}",
        "NOMOR [.....]",
        "TENTANG",
        "PENGANGKATAN DAN PEMINDAHAN PEGAWAI NEGERI SIPIL DALAM JABATAN",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "{{ ppk_upper }},",
    ):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Menimbang:").runs[0].bold = True
    _loop(doc, "t", "menimbang", [("{{ t }}", None)])
    doc.add_paragraph("Mengingat:").runs[0].bold = True
    _loop(doc, "t", "mengingat", [("{{ t }}", None)])
    doc.add_paragraph("MEMUTUSKAN:").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(
        "Menetapkan: KEPUTUSAN TENTANG PENGANGKATAN DAN PEMINDAHAN PEGAWAI NEGERI "
        "SIPIL DALAM JABATAN."
    )
    _loop(doc, "d", "diktum", [("{{ d.label }}: {{ d.text }}", None)])
    _signature(doc, "Ditetapkan di {{ tempat }} pada tanggal [.....]")


def _lampiran_sk(doc: Any) -> None:
    """The SK's Lampiran: the Daftar usulan again, on landscape pages, signed."""
    _landscape(doc, True)
    doc.add_heading(SECTIONS[4], level=1)
    doc.add_paragraph("LAMPIRAN KEPUTUSAN {{ ppk_upper }} NOMOR [.....] TANGGAL [.....]")
    _daftar_table(doc)
    _signature(doc, "{{ tempat }}, [tanggal]")
    _landscape(doc, False)


def _letters(doc: Any) -> None:
    """One surat pengantar per approval, each on its own page."""
    doc.add_heading(SECTIONS[5], level=1)
    doc.add_paragraph("{%p for l in letters %}")
    for text in (
        "Nomor: [.....]",
        "Sifat: Penting",
        "Lampiran: 1 (satu) berkas",
        "Hal: {{ l.hal }}",
        "",
        "Kepada Yth.",
        "{{ l.kepada }}",
        "di tempat",
        "",
    ):
        doc.add_paragraph(text)
    doc.add_paragraph("{%p for t in l.paragraphs %}")
    doc.add_paragraph("{{ t }}")
    doc.add_paragraph("{%p endfor %}")
    _signature(doc, "{{ tempat }}, [tanggal]")
    _page_break(doc)
    doc.add_paragraph("{%p endfor %}")


def _appendices(doc: Any) -> None:
    """Justifications, vacancy chains, JPT shortlists, and the provenance table."""
    doc.add_heading(SECTIONS[6], level=1)
    _blocks(doc, "justifications")
    doc.add_heading(SECTIONS[7], level=1)
    _blocks(doc, "chains")
    doc.add_heading(SECTIONS[8], level=1)
    _blocks(doc, "shortlists")
    doc.add_heading(SECTIONS[9], level=1)
    prov = doc.add_table(rows=3, cols=2)
    prov.style = "Table Grid"
    prov.rows[0].cells[0].merge(prov.rows[0].cells[1]).text = "{%tr for p in provenance %}"
    prov.rows[1].cells[0].text, prov.rows[1].cells[1].text = "{{ p.label }}", "{{ p.value }}"
    prov.rows[2].cells[0].merge(prov.rows[2].cells[1]).text = "{%tr endfor %}"


__all__ = ["build_template"]
