"""Generate docs/rules.md (from the rule registry) and docs/scenario.schema.json (from the config).

python -m placement.rules.docs          # write both files
python -m placement.rules.docs --check  # exit 1 when a file is out of date (tests do this too)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from placement.config import scenario_json_schema
from placement.rules.approvals import ApprovalSpec, Condition
from placement.rules.legal import LEGAL_STATUSES, LegalBasis
from placement.rules.registry import RulePack, RuleSpec, load_pack

DOCS = Path(__file__).resolve().parents[2] / "docs"
RULES_MD = DOCS / "rules.md"
SCHEMA_JSON = DOCS / "scenario.schema.json"

_KIND = {"hard": "keras", "soft": "lunak", "score": "skor"}
_EFFECT = {
    "tolak": "tolak pasangan / refuse the pair",
    "daftar_pendek": "hanya daftar pendek / shortlist only",
    "penalti": "penalti / penalty",
    "skor": "parameter skor / score parameters",
}

_INTRO = """\
# Aturan penempatan / Placement rules

<!-- Dibuat otomatis oleh `python -m placement.rules.docs` dari
placement/rules/rulepacks/{pack}.yaml; jangan disunting langsung.
Generated from the rule pack; do not edit by hand. -->

Paket aturan **{pack}**: {desc_id} / {desc_en}.

## Cara kerja / How the rules apply

- **Lingkup / scope.** Jabatan yang direncanakan: jabatan struktural yang dipilih `lingkup`
  skenario (OPD, jenis jabatan). Kandidat: pemegang jabatan dalam lingkup dan semua pegawai
  tanpa jabatan struktural (JF, pelaksana); pemegang jabatan di luar lingkup bukan kandidat.
  Posts in scope: structural posts selected by the scenario's `lingkup`. Candidates: holders of
  in-scope posts and everyone without a structural post; holders of out-of-scope posts are not.
- **Jenis perpindahan / move types** (peringkat eselon I.b > II.a > II.b > III.a > III.b > IV.a >
  IV.b > non-struktural): `tetap` (jabatan sendiri), `demosi` (eselon atau jenjang lebih rendah;
  mis. JF ahli madya ke pengawas), `alih_jenis` (JF ke jabatan struktural pada jenjang yang sama:
  ahli muda → pengawas, ahli madya → administrator; perpindahan dari jabatan fungsional ke
  jabatan administrasi, bukan promosi, tidak dihitung sebagai promosi tetapi diperiksa aturan
  yang sama), `promosi` (eselon lebih tinggi, jadi IV.b → IV.a promosi),
  `rotasi` (eselon sama, OPD sama), `mutasi` (eselon sama, OPD lain). Jenjang: 0 pelaksana / JF
  ahli pertama / keterampilan, 1 pengawas / JF ahli muda, 2 administrator / JF ahli madya,
  3 JPT Pratama / JF ahli utama, 4 JPT Madya.
- **Bertahan / stay.** Bertahan di jabatan sendiri selalu layak: aturan keras tidak berlaku
  (`berlaku_untuk` aturan keras tidak pernah memuat `tetap`). Hanya aturan lunak
  MASA_JABATAN_MAKS yang menandainya (penalti, dicantumkan). Staying is always eligible; only the
  soft maximum-tenure rule marks it.
- **Urutan / order.** NAIK_SATU_JENJANG, DEMOSI dan GOL_MIN_ESELON dievaluasi saat pemblokiran
  (sebelum pasangan dibentuk; tidak pernah orang × jabatan penuh), aturan lain sesudahnya menurut
  urutan paket. Setiap pasangan yang ditolak dihitung sekali, pada aturan pertama yang
  menolaknya (`refusal_counts`); penjelasan per pasangan (`check_pair`, CLI `placement
  eligibility`) menampilkan semua aturan yang gagal dengan nilai dan ambangnya.
- **Data kosong / missing data.** Aturan keras yang datanya kosong menolak (mis. kotak talenta,
  SKP, tmt_jabatan pemegang jabatan kosong), kecuali disebut lain: hukuman disiplin kosong =
  tidak ada hukuman; job fit kosong = tidak diperiksa; rumpun jabatan kosong = tidak diperiksa.
  A hard rule whose data is missing refuses unless stated otherwise above.
- **MASA_JABATAN_MIN untuk JF/pelaksana.** Bawaan tidak diperiksa (parameter `nonstruktural`),
  karena PENGALAMAN_JENJANG sudah mensyaratkan lama di jenjang sebelum naik. Not checked for
  JF / pelaksana by default; PENGALAMAN_JENJANG covers their experience.
- **BUP_DEKAT** memakai BUP jabatan tujuan (JPT 60, administrator/pengawas 58), bukan BUP
  sekarang. It uses the retirement age of the target post.
- **JPT.** Promosi ke JPT layak tetapi `shortlist_only` (daftar pendek seleksi terbuka), kecuali
  skenario `penempatan_jpt_langsung: true` (dicatat sebagai pelonggaran). Perpindahan JPT ke JPT
  tanpa hasil job fit / uji kompetensi juga hanya daftar pendek (UJI_KOMPETENSI_JPT; ps 132), atau
  ditolak dengan `JOB_FIT_JPT.tanpa_hasil_tolak: true`; penjelasan menyebut yang mana.
- **Pengalaman bidang JPT / related-field experience.** Syarat pengalaman jabatan terkait 5 tahun
  (JPT Pratama) dan 7 tahun (JPT Madya) kumulatif (ps 107 ayat (1)) memerlukan riwayat jabatan,
  yang belum ada di data: penjelasan setiap penempatan baru ke JPT mencantumkannya sebagai
  "tidak dapat diperiksa". PENGALAMAN_JENJANG tetap memeriksa administrator / JF ahli madya
  ≥ 2 tahun (dari `tmt_jenjang`). Needs job history; explanations say it was not checked.

## Mengubah aturan di skenario / Overriding rules in a scenario

```yaml
aturan:
  KOTAK_TALENTA_MIN:
    kotak_min: {{rotasi: 4}}     # kunci kamus digabung satu per satu / dict keys merge one by one
  DEMOSI:
    aktif: false               # izinkan demosi / allow demotion
  RUMPUN_SESUAI:
    aktif: true
```

Kunci atau parameter yang tidak dikenal ditolak dengan pesan yang menunjuk letaknya. Setiap
perubahan aturan keras (dinonaktifkan, dilonggarkan, diperketat) dicatat di keluaran
(`relaxations`). Unknown rules or parameters are refused; every change to a hard rule is
recorded in the outputs.

## Menambah aturan / Adding a rule

1. Tambahkan entri di `placement/rules/rulepacks/<paket>.yaml` (id, jenis, akibat, uraian,
   dasar_hukum, dapat_dilonggarkan, parameter dengan `bawaan`, pesan `{{actual}}`/`{{threshold}}`).
2. Tulis satu fungsi tervektorisasi di `placement/rules/checks.py` dengan `@check("ID")` yang
   mengembalikan `Outcome(applies, passed, detail)`.
3. Jalankan `python -m placement.rules.docs`, lalu tambahkan uji di `tests/test_rules_*.py`
   (keputusan, nilai vs ambang, dan perubahan lewat skenario).

Add the YAML entry, one `@check` function, regenerate the docs, add tests; a test fails when
registry ids and check functions do not correspond one to one.

## Ringkasan / Summary

| ID | Jenis | Akibat | Aktif | Dapat dilonggarkan | Uraian |
|---|---|---|---|---|---|
"""


_APPROVALS_INTRO = """\
Persetujuan yang diperlukan rencana sebelum SK, dari `persetujuan` paket aturan: setiap entri
berlaku bila semua syaratnya terpenuhi; syarat adalah predikat bernama dengan parameter
(`ada_perpindahan`, `fakta_benar`, `tanggal_dalam_jendela`, `jpt_lowong`, `antar_instansi`;
lihat `placement/rules/approvals.py`), dibaca dari `fakta` skenario dan dari perpindahan serta
lowongan rencana. Dosir mencantumkan persetujuan yang berlaku, alasannya, dan dasar hukumnya
beserta statusnya. Approvals a plan needs, each with the conditions under which it applies."""


def _value(v: Any) -> str:
    if isinstance(v, dict) and all(isinstance(x, dict) for x in v.values()):
        return "<br>".join(f"{k}: {_value(x)}" for k, x in v.items())
    if isinstance(v, str):
        return f"`{v}`" if v else '`""`'
    return f"`{json.dumps(v, ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _basis_lines(bases: tuple[LegalBasis, ...]) -> list[str]:
    """One bullet per citation: source, status, quote (bunyi) and where it was read."""
    lines: list[str] = []
    for b in bases:
        lines.append(f"  - {b.text()} — **{b.status}**")
        if b.bunyi:
            lines.append(f"    - bunyi: {b.bunyi}")
        if b.sumber:
            lines.append(f"    - sumber: {b.sumber}")
        if b.catatan:
            lines.append(f"    - catatan: {b.catatan}")
    return lines


def _condition_text(c: Condition) -> str:
    params = ", ".join(f"{k}: {_value(v)}" for k, v in c.params.items())
    return f"`{c.predicate}`" + (f" ({params})" if params else "")


def _approval_section(spec: ApprovalSpec) -> list[str]:
    return [
        f"### {spec.id}",
        "",
        f"- Uraian: {spec.description_id}",
        f"- Description: {spec.description_en}",
        "- Berlaku bila (semua) / applies when (all): "
        + "; ".join(_condition_text(c) for c in spec.conditions),
        f"- Pesan: {spec.message_id}",
        "- Dasar hukum / legal basis:",
        *_basis_lines(spec.legal_basis),
        "",
    ]


def _status_table(pack: RulePack) -> list[str]:
    """Every citation not read in a primary copy, in one table (what a reviewer must not
    take as checked)."""
    owners = [(s.id, s.legal_basis) for s in pack.rules.values()]
    owners += [(a.id, a.legal_basis) for a in pack.approvals]
    rows = [
        f"| {oid} | {_cell(b.text())} | {b.status} | {_cell(b.catatan) or '-'} | "
        f"{_cell(b.sumber) or '-'} |"
        for oid, bases in owners
        for b in bases
        if b.unverified
    ]
    counts = {
        st: sum(b.status == st for _, bases in owners for b in bases) for st in LEGAL_STATUSES
    }
    return [
        "## Status dasar hukum / Status of the citations",
        "",
        "Status: **terverifikasi** = bunyi pasal dibaca pada salinan primer dan dikutip; "
        "**sekunder** = dari sumber sekunder (DOMAIN.md, ringkasan) saja; **kebijakan daerah** = "
        "kebijakan daerah, tanpa pasal nasional; **belum ditemukan** = dasar yang disebut belum "
        "ditemukan. Dosir mencetak status di samping setiap kutipan.",
        "",
        "Jumlah / counts: " + ", ".join(f"{st} {n}" for st, n in counts.items()),
        "",
        "Belum terverifikasi (sekunder atau belum ditemukan) / not yet verified:",
        "",
        "| Aturan / persetujuan | Dasar hukum | Status | Catatan | Sumber |",
        "|---|---|---|---|---|",
        *(rows or ["| - | - | - | - | - |"]),
        "",
    ]


def _rule_section(spec: RuleSpec) -> list[str]:
    lines = [
        f"### {spec.id}",
        "",
        f"- Jenis / kind: **{_KIND[spec.kind]}** ({spec.kind}); akibat / effect: {_EFFECT[spec.effect]}",
        f"- Aktif bawaan / active by default: {'ya' if spec.active else 'tidak'}",
        f"- Dapat dilonggarkan / relaxable: {'ya' if spec.relaxable else 'tidak'}",
        f"- Uraian: {spec.description_id}",
        f"- Description: {spec.description_en}",
        "- Dasar hukum / legal basis:",
    ]
    lines += _basis_lines(spec.legal_basis)
    if spec.params:
        lines += [
            "",
            "| Parameter | Bawaan / default | Keterangan | Description |",
            "|---|---|---|---|",
        ]
        for p in spec.params.values():
            lines.append(
                f"| `{p.name}` | {_value(p.default)} | {p.description_id} | {p.description_en} |"
            )
    lines.append("")
    return lines


def render_rules(pack: RulePack | None = None) -> str:
    """docs/rules.md text for a rule pack (default: kabupaten)."""
    pack = pack or load_pack()
    out = _INTRO.format(pack=pack.name, desc_id=pack.description_id, desc_en=pack.description_en)
    rows = []
    for spec in pack.rules.values():
        active = "ya" if spec.active else "tidak"
        relax = "ya" if spec.relaxable else "tidak"
        rows.append(
            f"| [{spec.id}](#{spec.id.lower()}) | {_KIND[spec.kind]} | {spec.effect} | {active} "
            f"| {relax} | {spec.description_id} |"
        )
    body: list[str] = ["", "## Aturan / Rules", ""]
    for spec in pack.rules.values():
        body += _rule_section(spec)
    body += ["## Persetujuan / Approvals", "", _APPROVALS_INTRO, ""]
    for approval in pack.approvals:
        body += _approval_section(approval)
    body += _status_table(pack)
    return out + "\n".join(rows) + "\n" + "\n".join(body)


def render_schema() -> str:
    return scenario_json_schema() + "\n"


def outputs() -> dict[Path, str]:
    return {RULES_MD: render_rules(), SCHEMA_JSON: render_schema()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    stale = [p for p, text in outputs().items() if not p.is_file() or p.read_text("utf-8") != text]
    if "--check" in args:
        for p in stale:
            print(f"usang / out of date: {p}; jalankan python -m placement.rules.docs")
        return 1 if stale else 0
    DOCS.mkdir(exist_ok=True)
    for p, text in outputs().items():
        p.write_text(text, encoding="utf-8")
        print(f"ditulis / written: {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
