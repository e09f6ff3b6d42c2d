"""The usulan package as PDF (fpdf2 with the shipped DejaVu TTF: prints "→", "≥" and every
Indonesian character).

Speed: fpdf2's ``multi_cell`` and ``table`` cost milliseconds per call, which made a kabupaten
dossier take half a minute. Here text is wrapped once with cached word widths and drawn with
``text`` (tens of microseconds per line); table rules are plain lines. Kop on every page, page
numbers "Halaman X dari N", a table of contents and PDF bookmarks for every section.
"""

from __future__ import annotations

import io
from importlib.resources import files
from pathlib import Path
from typing import Any

from fpdf import FPDF

from placement.io.writers import atomic_path
from placement.report.usulan import (
    DAFTAR_HEAD,
    ITEM,
    SECTIONS,
    Block,
    Group,
    Letterhead,
    Signer,
    Usulan,
)

FONT = "DejaVu"
PT = 0.3528  # mm per point
DAFTAR_WIDTHS = (7, 29, 29, 23, 32, 25, 32, 25, 21, 19, 0)
"""Column widths (mm) of the Daftar usulan on landscape A4; the last takes the rest."""


def font_path(bold: bool = False) -> Path:
    """The shipped DejaVu Sans TTF (package data ``placement/report/fonts``)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(str(files("placement.report").joinpath("fonts", name)))


class _Doc(FPDF):
    """An A4 document with the kop on every page, page numbers and fast wrapped text."""

    def __init__(self, u: Usulan | Letterhead) -> None:
        super().__init__(format="A4")
        self.u = u
        self.add_font(FONT, "", str(font_path()))
        self.add_font(FONT, "B", str(font_path(True)))
        self._glyphs: dict[int, tuple[dict[int, str], set[str]]] = {}
        self.set_margins(18, 12, 15)
        self.set_auto_page_break(False)
        self._widths: dict[tuple[str, float, str], float] = {}
        self._chars: dict[str, dict[str, float]] = {}
        self._wrapped: dict[tuple[str, float, float, str], list[str]] = {}
        self.set_title(u.title)
        self.set_creator("placement")

    def text(self, x: float, y: float, text: str = "") -> None:
        """fpdf2's ``text`` for the shipped TTF, encoding with a per-font table of subset glyph
        codes (``str.translate``) instead of its per-character ``subset.pick`` loop: the same
        content stream, several times faster, which is most of the time of a kabupaten package."""
        font: Any = self.current_font  # the shipped TTF (subset, escape_text)
        assert font is not None
        table, known = self._glyphs.setdefault(id(font), ({}, set()))
        if not known.issuperset(text):  # one C-level check per line once the glyphs are known
            for ch in set(text) - known:
                mapped = font.subset.pick(ord(ch))
                table[ord(ch)] = "" if mapped is None else chr(mapped)
                known.add(ch)
        if not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(font, self.font_size_pt))
        encoded = font.escape_text(text.translate(table))
        self._out(f"BT {x * self.k:.2f} {(self.h - y) * self.k:.2f} Td ({encoded}) Tj ET")

    def set_font(self, family: str | None = None, style: Any = "", size: float = 0) -> None:
        """fpdf2's ``set_font``, returning at once when the shipped font is already set at this
        style and size (the package sets it before every paragraph: thousands of calls)."""
        current: Any = self.current_font
        key = "dejavu" + str(style)
        same = (family, style, size) == (FONT, self.font_style, self.font_size_pt)
        if same and self.font_family == "dejavu" and current is not None and current.fontkey == key:
            return
        super().set_font(family, style, size)

    # -- measuring and wrapping --------------------------------------------------------------

    def width_of(self, text: str, size: float, style: str = "") -> float:
        """Width in mm of ``text`` at ``size`` points: the sum of cached per-character widths
        (``text`` draws without kerning, so this equals fpdf2's ``get_string_width``)."""
        key = (style, size, text)
        w = self._widths.get(key)
        if w is None:
            chars = self._chars.setdefault(style, {})
            missing = set(text) - chars.keys()
            if missing:  # measured at 100 pt once per character, then the font is put back
                current = (self.font_family, self.font_style, self.font_size_pt)
                self.set_font(FONT, style, 100)
                for ch in missing:
                    chars[ch] = self.get_string_width(ch) / 100
                if current[0]:
                    self.set_font(*current)
            total = sum(chars[ch] for ch in text)
            w = self._widths[key] = total * size
        return w

    def wrap(self, text: str, width: float, size: float, style: str = "") -> list[str]:
        """Greedy word wrap into lines no wider than ``width`` mm (long words are cut); cached,
        since the Lampiran SK repeats the Daftar usulan cell for cell."""
        key = (text, width, size, style)
        hit = self._wrapped.get(key)
        if hit is None:
            hit = self._wrapped[key] = self._wrap(text, width, size, style)
        return hit

    def _wrap(self, text: str, width: float, size: float, style: str) -> list[str]:
        out: list[str] = []
        space = self.width_of(" ", size, style)
        for para in text.split("\n"):
            line, used = "", 0.0
            for word in para.split(" "):  # a no-break space keeps "98,4 %" together
                if not word:
                    continue
                w = self.width_of(word, size, style)
                while w > width and len(word) > 1:  # a word wider than the column
                    cut = max(1, int(len(word) * width / w) - 1)
                    if line:
                        out.append(line)
                        line, used = "", 0.0
                    out.append(word[:cut])
                    word = word[cut:]
                    w = self.width_of(word, size, style)
                if line and used + space + w > width:
                    out.append(line)
                    line, used = word, w
                else:
                    line, used = (f"{line} {word}", used + space + w) if line else (word, w)
            out.append(line)
        return out

    # -- page furniture ----------------------------------------------------------------------

    def header(self) -> None:
        u = self.u
        top, left = 8.0, self.l_margin
        width = self.w - self.l_margin - self.r_margin
        if u.logo is not None and u.logo.is_file():
            self.image(str(u.logo), x=left, y=top, h=16)
        y = top + 3.5
        for i, line in enumerate(u.kop[:4]):
            size, style = (10.5, "B") if i == 0 else ((9, "B") if i == 1 else (7, ""))
            self.set_font(FONT, style, size)
            self.text(left + (width - self.width_of(line, size, style)) / 2, y, line)
            y += size * PT + 1.2
        y = max(y, top + 17)
        self.set_line_width(0.6)
        self.line(left, y, self.w - self.r_margin, y)
        self.set_line_width(0.2)
        self.line(left, y + 0.8, self.w - self.r_margin, y + 0.8)
        self.set_y(y + 5)

    def footer(self) -> None:
        """Footers are drawn by :meth:`number_pages` once the page count is known."""

    def number_pages(self) -> None:
        """ "Halaman X dari N" and the instansi on every page (fpdf2's ``{nb}`` alias does not
        reach text drawn with the glyph table, so the count is written after the last page)."""
        last = self.page
        size = (self.w, self.h)
        left = f"{self.u.instansi} — rancangan, tanggal rencana {self.u.plan_date}"
        if isinstance(self.u, Letterhead) and self.u.footer:
            left = self.u.footer
        self.set_font(FONT, "", 7)
        for n in range(1, last + 1):
            self.page = n
            self.current_font_is_set_on_page = False
            width_pt, height_pt = self.pages[n].dimensions()
            self.w, self.h = width_pt / self.k, height_pt / self.k
            text = f"Halaman {n} dari {last}"
            self.text(self.w - self.r_margin - self.width_of(text, 7), self.h - 8, text)
            self.set_font(FONT, "", 7)
            self.text(self.l_margin, self.h - 8, left)
        self.w, self.h = size
        self.page = last

    @property
    def bottom(self) -> float:
        return self.h - 14

    def ensure(self, height: float) -> bool:
        """Start a new page (same orientation) when ``height`` mm do not fit; True when it did."""
        if self.get_y() + height > self.bottom:
            self.add_page(orientation=self.cur_orientation.value)
            return True
        return False

    # -- text blocks -------------------------------------------------------------------------

    def para(
        self,
        text: str,
        size: float = 9,
        style: str = "",
        indent: float = 0,
        gap: float = 1.2,
        align: str = "L",
    ) -> None:
        width = self.w - self.l_margin - self.r_margin - indent
        lh = size * PT * 1.35
        self.set_font(FONT, style, size)
        for line in self.wrap(text, width, size, style):
            self.ensure(lh)
            x = self.l_margin + indent
            if align == "C":
                x += (width - self.width_of(line, size, style)) / 2
            self.text(x, self.get_y() + size * PT, line)
            self.set_y(self.get_y() + lh)
        self.set_y(self.get_y() + gap)

    def hanging(
        self, label: str, text: str, size: float = 9, indent: float = 8, at: float = 0
    ) -> None:
        """``label`` in the margin column, ``text`` wrapped beside it (lists, menimbang)."""
        width = self.w - self.l_margin - self.r_margin - indent - at
        lh = size * PT * 1.35
        lines = self.wrap(text, width, size)
        self.ensure(lh * min(len(lines), 2))
        self.set_font(FONT, "", size)
        self.text(self.l_margin + at, self.get_y() + size * PT, label)
        for line in lines:
            self.ensure(lh)
            self.set_font(FONT, "", size)
            self.text(self.l_margin + at + indent, self.get_y() + size * PT, line)
            self.set_y(self.get_y() + lh)
        self.set_y(self.get_y() + 0.8)

    def section(self, title: str, orientation: str = "P", new_page: bool = True) -> None:
        """A new page in ``orientation`` starting a TOC section."""
        if new_page:
            self.add_page(orientation=orientation)
        self.start_section(title)
        self.para(title.upper(), 12, "B", gap=2.5)

    def heading(self, text: str, size: float = 10) -> None:
        self.ensure(size * PT * 4)
        self.set_y(self.get_y() + 1)
        self.para(text, size, "B", gap=1)

    # -- tables ------------------------------------------------------------------------------

    def grid(
        self,
        head: tuple[str, ...],
        widths: tuple[float, ...],
        groups: list[Group],
        size: float = 6.5,
    ) -> None:
        """The Daftar usulan table (not fpdf2's slow ``table``): bold repeated header row on every page, one shaded group
        heading per move type and OPD, wrapped cells, ruled rows."""
        full = self.w - self.l_margin - self.r_margin
        ws = [w or full - sum(widths) for w in widths]
        lh = size * PT * 1.3

        def row(cells: list[str], style: str = "", fill: bool = False) -> None:
            wrapped = [self.wrap(c, w - 1.6, size, style) for c, w in zip(cells, ws, strict=True)]
            height = max(len(x) for x in wrapped) * lh + 1.6
            if self.ensure(height):
                header()
            y = self.get_y()
            if fill:
                self.set_fill_color(225, 232, 240)
                self.rect(self.l_margin, y, full, height, style="F")
                self.set_fill_color(0)  # text is painted with the fill colour
            self.set_font(FONT, style, size)
            x = self.l_margin
            for lines, w in zip(wrapped, ws, strict=True):
                for k, line in enumerate(lines):
                    self.text(x + 0.8, y + 0.8 + size * PT + k * lh, line)
                self.line(x, y, x, y + height)
                x += w
            self.line(x, y, x, y + height)
            self.line(self.l_margin, y + height, self.l_margin + full, y + height)
            self.set_y(y + height)

        def header() -> None:
            y = self.get_y()
            self.line(self.l_margin, y, self.l_margin + full, y)
            row(list(head), "B", True)

        header()
        for g in groups:
            if g.title:  # a group without a title is drawn without its heading row
                self.group_heading(g.title, full, lh, size, header)
            for r in g.rows:
                row(r.cells)

    def group_heading(self, title: str, full: float, lh: float, size: float, header: Any) -> None:
        """The shaded heading row of a group (a new page and header when it does not fit)."""
        if self.ensure(3 * lh + 6):
            header()
        y = self.get_y()
        height = lh + 1.6
        self.set_fill_color(245, 240, 225)
        self.rect(self.l_margin, y, full, height, style="DF")
        self.set_fill_color(0)
        self.set_font(FONT, "B", size + 0.5)
        self.text(self.l_margin + 1, y + 0.8 + size * PT, title)
        self.set_y(y + height)

    def signatures(self, signers: list[Signer], per_row: int = 3, size: float = 8.5) -> None:
        col = (self.w - self.l_margin - self.r_margin) / per_row
        for start in range(0, len(signers), per_row):
            self.ensure(30)
            y = self.get_y()
            for k, s in enumerate(signers[start : start + per_row]):
                x = self.l_margin + k * col
                self.set_font(FONT, "", size)
                for i, line in enumerate(self.wrap(s.role, col - 4, size)[:2]):
                    self.text(x, y + 3 + i * 4, line)
                self.set_font(FONT, "B", size)
                self.text(x, y + 22, s.name)
                self.set_font(FONT, "", size)
                self.text(x, y + 26, s.nip)
            self.set_y(y + 31)

    def signature_ppk(self, place_date: str, who: str) -> None:
        self.ensure(36)
        x = self.w / 2 + 10
        y = self.get_y() + 2
        self.set_font(FONT, "", 9)
        for i, line in enumerate((place_date, f"{who},")):
            self.text(x, y + 4 + i * 4.5, line)
        self.text(x, y + 30, "[tanda tangan dan nama]")
        self.set_y(y + 36)

    def block(self, b: Block, size: float = 7.5) -> None:
        """One justification / chain / shortlist block, kept together when it fits a page."""
        self.ensure(18)
        self.para(b.title, 9, "B", gap=0.3)
        if b.subtitle:
            self.para(b.subtitle, 8, gap=0.8)
        for title, lines in b.sections:
            if title:
                self.para(title, size, "B", indent=2, gap=0.2)
            for line in lines:
                self.para(line, size, indent=5, gap=0.1)
        self.set_y(self.get_y() + 1.5)
        self.set_draw_color(180, 180, 180)
        self.line(self.l_margin, self.get_y() - 0.8, self.w - self.r_margin, self.get_y() - 0.8)
        self.set_draw_color(0, 0, 0)


def _toc(pdf: FPDF, outline: list[Any]) -> None:
    doc: _Doc = pdf  # type: ignore[assignment]
    doc.para(doc.u.title, 14, "B", gap=2)
    doc.para(
        f"Tanggal rencana: {doc.u.plan_date}. Skenario: {doc.u.scenario}. RANCANGAN untuk "
        "dibahas Tim Penilai Kinerja dan ditetapkan PPK; nomor dan tanggal diisi saat "
        "penetapan.",
        9,
        gap=5,
    )
    doc.para("Daftar isi", 12, "B", gap=2)
    width = doc.w - doc.l_margin - doc.r_margin
    for entry in outline:
        y = doc.get_y() + 3.4
        doc.set_font(FONT, "", 10)
        doc.text(doc.l_margin, y, entry.name)
        num = str(entry.page_number)
        doc.text(doc.l_margin + width - doc.width_of(num, 10), y, num)
        doc.set_y(doc.get_y() + 6.5)


def render_usulan_pdf(u: Usulan, path: Path) -> Path:
    """Write the package ``u`` as PDF to ``path`` (atomic)."""
    pdf = _Doc(u)
    pdf.add_page()
    pdf.insert_toc_placeholder(_toc, pages=1)
    _ringkasan(pdf, u)
    pdf.section(SECTIONS[1], "L")
    pdf.para(
        f"Jumlah usulan: {len(u.rows)}. Diurutkan menurut jenis perpindahan dan unit kerja "
        "tujuan; kolom Keterangan: kotak talenta, JPM di jabatan baru, nomor rantai "
        "kekosongan.",
        8,
        gap=2,
    )
    pdf.grid(DAFTAR_HEAD, DAFTAR_WIDTHS, u.groups)
    _nota(pdf, u)
    _sk(pdf, u)
    for i, letter in enumerate(u.letters):
        if i == 0:
            pdf.section(SECTIONS[5])
        else:
            pdf.add_page()
        for label, value in (
            ("Nomor", "[.....]"),
            ("Sifat", "Penting"),
            ("Lampiran", "1 (satu) berkas"),
            ("Hal", letter.hal),
        ):
            pdf.hanging(label, f": {value}", 9, indent=20)
        pdf.set_y(pdf.get_y() + 2)
        pdf.para(f"Kepada Yth.\n{letter.kepada}\ndi tempat", 9, gap=3)
        for p in letter.paragraphs:
            pdf.para(p, 9, gap=2)
        pdf.signature_ppk(f"{u.tempat}, [tanggal]", u.ppk)
    pdf.section(SECTIONS[6])
    for b in u.justifications:
        pdf.block(b)
    pdf.section(SECTIONS[7])
    for b in u.chains or [Block("Tidak ada rantai kekosongan.", "", [])]:
        pdf.block(b)
    pdf.section(SECTIONS[8])
    for b in u.shortlists or [Block("Tidak ada JPT yang diisi melalui seleksi terbuka.", "", [])]:
        pdf.block(b)
    pdf.section(SECTIONS[9])
    for label, value in u.provenance:
        pdf.hanging(label, value, 7.5, indent=45)
    pdf.number_pages()
    with atomic_path(path) as tmp:
        pdf.output(str(tmp))
    return path


def _ringkasan(pdf: _Doc, u: Usulan) -> None:
    pdf.section(SECTIONS[0], new_page=False)  # the page the table of contents broke to
    for p in u.summary:
        pdf.para(p, 9.5, gap=2.2)
    if u.approvals:
        pdf.para("Persetujuan yang diperlukan sebelum SK ditetapkan:", 9.5, "B", gap=1)
        for a in u.approvals:
            pdf.hanging("•", a, 8.5, indent=4)
    if u.unfilled:
        pdf.para("Jabatan yang dibiarkan lowong:", 9.5, "B", gap=1)
        for v in u.unfilled[:6]:
            pdf.hanging("•", v, 8.5, indent=4)
    if u.charts:
        y = pdf.get_y() + 2
        if y + 62 > pdf.bottom:
            y = pdf.bottom - 62
        x = pdf.l_margin
        for title, png in u.charts:
            pdf.set_font(FONT, "B", 8)
            pdf.text(x, y + 3, title)
            w = 96 if x == pdf.l_margin else 70
            pdf.image(io.BytesIO(png), x=x, y=y + 5, w=w)
            x += w + 6
        pdf.set_y(y + 62)


def _nota(pdf: _Doc, u: Usulan) -> None:
    pdf.section(SECTIONS[2])
    pdf.para(
        "NOTA PERTIMBANGAN / BERITA ACARA TIM PENILAI KINERJA PEGAWAI NEGERI SIPIL",
        10,
        "B",
        align="C",
        gap=0.5,
    )
    pdf.para("Nomor: [.....]", 9, align="C", gap=3)
    for p in u.nota:
        item = ITEM.match(p)
        if item:  # a sub-item of a numbered point: hanging indent
            pdf.hanging(item.group(1), item.group(2), 9, indent=6, at=4)
        else:
            pdf.para(p, 9, gap=1.8)
    pdf.ensure(12 + 31 * -(-len(u.team) // 3))  # the signature blocks stay on one page
    pdf.para(f"{u.tempat}, [tanggal]", 9, gap=1)
    pdf.para("Tim Penilai Kinerja Pegawai Negeri Sipil", 9, "B", gap=1)
    pdf.signatures(u.team)


def _sk(pdf: _Doc, u: Usulan) -> None:
    pdf.section(SECTIONS[3])
    for line, style in (
        (f"KEPUTUSAN {u.ppk.upper()}", "B"),
        ("NOMOR [.....]", ""),
        ("TENTANG", ""),
        ("PENGANGKATAN DAN PEMINDAHAN PEGAWAI NEGERI SIPIL DALAM JABATAN", "B"),
        ("DENGAN RAHMAT TUHAN YANG MAHA ESA", ""),
        (f"{u.ppk.upper()},", ""),
    ):
        pdf.para(line, 9.5, style, align="C", gap=1.2)
    pdf.set_y(pdf.get_y() + 2)
    pdf.para("Menimbang:", 9, "B", gap=0.5)
    for i, t in enumerate(u.menimbang):
        pdf.hanging(f"{'abcdefghij'[i]}.", t, 9, at=4)
    pdf.para("Mengingat:", 9, "B", gap=0.5)
    for i, t in enumerate(u.mengingat, start=1):
        pdf.hanging(f"{i}.", t, 9, at=4)
    pdf.para("MEMUTUSKAN:", 9.5, "B", align="C", gap=1)
    pdf.hanging(
        "Menetapkan:",
        "KEPUTUSAN TENTANG PENGANGKATAN DAN PEMINDAHAN PEGAWAI NEGERI SIPIL DALAM JABATAN.",
        9,
        indent=24,
    )
    for label, text in u.diktum:
        pdf.hanging(f"{label}:", text, 9, indent=24)
    pdf.signature_ppk(f"Ditetapkan di {u.tempat} pada tanggal [.....]", u.ppk)
    pdf.section(SECTIONS[4], "L")
    pdf.para(f"LAMPIRAN KEPUTUSAN {u.ppk.upper()} NOMOR [.....] TANGGAL [.....]", 8, "B", gap=2)
    pdf.grid(DAFTAR_HEAD, DAFTAR_WIDTHS, u.groups)
    pdf.signature_ppk(f"{u.tempat}, [tanggal]", u.ppk)


__all__ = ["font_path", "render_usulan_pdf"]
