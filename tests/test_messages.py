"""The message catalogue (placement/domain/messages.py): templates per code, one ``issue()``."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from placement.domain.errors import Severity
from placement.domain.messages import (
    ERRORS,
    FINDINGS,
    NOTICES,
    NOWHERE,
    SHOWN,
    TEMPLATES,
    WARNINGS,
    Where,
    caution,
    failure,
    issue,
)
from placement.domain.messages import SHARED as PARTS_SHARED
from placement.domain.validate import CODES

VALIDATE = Path(__file__).resolve().parents[1] / "placement" / "domain" / "validate"


SHARED = {
    "KOLOM_TANGGAL_LAHIR_TIDAK_ADA",
    "NIP_TIDAK_VALID",
    "BILANGAN_DI_LUAR_RENTANG",
    "LABEL_TIDAK_DIKENAL",
    "BUKAN_WORKBOOK",
    "KOLOM_TANPA_JUDUL",
    "ATURAN_BUKAN_PEMETAAN",
    "ATURAN_DIUBAH_AKTIF",
    "ATURAN_DIUBAH_PARAMETER",
    "YAML_DITOLAK",
    "YAML_LETAK",
    "YAML_BUKAN_UTF8",
    "YAML_BUKAN_PEMETAAN",
    "VARIAN_DITOLAK",
    "VARIAN_FOLDER_DITOLAK",
    "VARIAN_DI_LUAR_FOLDER",
    "VARIAN_NAMA_KOSONG",
    "VARIAN_NAMA_PANJANG",
    "VARIAN_NAMA_PATH",
    "VARIAN_NAMA_PERANGKAT",
    "VARIAN_FOLDER_SAMA",
    "DISK_PENUH",
    "FOLDER_RENCANA_TIDAK_LENGKAP",
}


# The English says less than the Indonesian here, as it did before the catalogue
# (tests/data/notice_messages.json): the fields only the Indonesian text names.
INDONESIAN_ONLY_FIELDS = {
    "KONFLIK_KUNCI_PINDAH_DARI": {"origin"},
    "KONFLIK_WAJIB_PINDAH": {"post"},
    "LABEL_MAP_SALAH": {"kolom", "nilai", "tables"},
    "JENIS_KELAMIN_BEDA": {"gender"},
    "SIASN_KOLOM_SISI_TIDAK_ADA": {"accepted"},
    "TAUTAN_TIDAK_TUNGGAL": {"why"},
}


def _fields(text: str) -> set[str]:
    """Field names, a language's own (``reason_id`` / ``reason_en``) without the suffix."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return {n.removesuffix("_id").removesuffix("_en") for n in names}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_is_a_code_shared_shown_or_notice_with_the_same_fields_in_both_languages(
    name: str,
) -> None:
    shared = name in SHARED or name in PARTS_SHARED
    families = [name in CODES, name in ERRORS, name in WARNINGS, shared, name in FINDINGS]
    families += [name in SHOWN, name in NOTICES]
    assert families.count(True) == 1
    only_id = INDONESIAN_ONLY_FIELDS.get(name, set())
    assert _fields(TEMPLATES[name].id) - only_id == _fields(TEMPLATES[name].en)


def test_issue_is_located_with_the_code_tables_severity() -> None:
    found = issue("TABEL_TANPA_DATA", Where("pegawai.csv"), file="pegawai.csv")
    assert (found.file, found.row, found.column) == ("pegawai.csv", None, None)
    assert found.severity is Severity.ERROR
    assert found.message("id").startswith("pegawai.csv tidak berisi baris data.")
    assert found.message("en").startswith("pegawai.csv has no data rows.")
    with pytest.raises(KeyError):
        issue("TABEL_TANPA_DATA", Where("x.csv"))  # a missing field is a bug, not a blank


def test_failure_is_one_located_error_and_caution_a_warning() -> None:
    """``failure`` raises a code as an error whatever its family (a FINDINGS code from the
    succession's scope check), ``caution`` gives a data error code as a warning."""
    err = failure("SAMARAN_PENUH", Where("k.json"), prefix="1990")
    (found,) = err.issues
    assert (found.file, found.code, found.severity) == ("k.json", "SAMARAN_PENUH", Severity.ERROR)
    assert found.message("en").startswith("No pseudonym sequence left for NIPs starting 1990")
    scope = failure(
        "JABATAN_DI_LUAR_LINGKUP", NOWHERE, "SUKSESI_JABATAN_DI_LUAR_LINGKUP", outside="J-1"
    )
    assert scope.issues[0].severity is Severity.ERROR and scope.issues[0].file == ""
    warned = caution(
        "SKENARIO_NIP_TIDAK_DIKENAL", Where("s.yaml"), "LARANG_NIP_TIDAK_DIKENAL", nip=1
    )
    assert warned.severity is Severity.WARNING and "tidak berlaku" in warned.message("id")


def test_validation_builds_no_message_inline() -> None:
    """Every message of domain/validate comes from the catalogue; no ``fmt: skip`` is needed."""
    for path in VALIDATE.glob("*.py"):
        text = path.read_text("utf-8")
        assert "fmt: skip" not in text and ".add(" not in text and "lambda v: (" not in text, path


def test_audit_findings_come_from_the_catalogue() -> None:
    """plan/audit.py makes every finding with ``AuditFinding.of(code, ...)``: no inline text."""
    source = (VALIDATE.parents[1] / "plan" / "audit.py").read_text("utf-8")
    tree = ast.parse(source)
    inline = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "AuditFinding"
        and any(isinstance(a, ast.JoinedStr) for a in node.args)
    ]
    codes = set(re.findall(r'AuditFinding\.of\(\s*"([A-Z_]+)"', source))
    assert inline == [] and codes == set(FINDINGS) and "fmt: skip" not in source


@pytest.mark.parametrize("module", ["rules/registry.py", "solver/build.py"])
def test_converted_modules_build_no_issue_inline(module: str) -> None:
    """Their located issues come from ``issue()``: no ``error(...)`` / ``warning(...)`` with
    inline texts, and no ``fmt: skip`` left to keep such texts on one line."""
    source = (VALIDATE.parents[1] / module).read_text("utf-8")
    calls = [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"error", "warning"}
    ]
    assert calls == [] and "fmt: skip" not in source


def _words_in_code(source: str) -> list[tuple[int, str]]:
    """String constants (f-string parts too) that read as words; docstrings and the texts of
    raised programming errors (``raise ValueError(...)``) left out."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    docs |= {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and " " in node.value
        and re.search(r"\b[a-z]{3,}\b", node.value)
    ]


@pytest.mark.parametrize("module", ["checks.py", "rumpun.py", "eligibility.py"])
def test_rule_explanations_take_their_words_from_the_catalogue(module: str) -> None:
    """The checks' display values come from the catalogue's TAMPIL_* templates, in both
    languages: no Indonesian words in the code and no English substring table to translate
    them (a planted ``f"{x} tahun"`` fails here)."""
    source = (VALIDATE.parents[1] / "rules" / module).read_text("utf-8")
    assert _words_in_code(source) == []
    assert _words_in_code('x = f"{y} tahun"') == [(1, " tahun")]


@pytest.mark.parametrize(
    "module",
    [
        "rules/scoring.py",
        "workflow/inputs.py",
        "config.py",
        "report/outputs.py",
        "succession/future.py",
    ],
)
def test_later_converted_modules_raise_no_inline_issue(module: str) -> None:
    """Their issues come from ``issue()``: no ``error(...)`` / ``warning(...)`` /
    ``PlacementError.single(...)`` with inline texts (their other ``fmt: skip`` markers go
    project-wide later)."""
    source = (VALIDATE.parents[1] / module).read_text("utf-8")
    calls = [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and (
            getattr(node.func, "id", "") in {"error", "warning"}
            or getattr(node.func, "attr", "") == "single"
        )
    ]
    assert calls == []


MESSAGE_MAKERS = {
    "single",  # PlacementError.single(code, msg_id, msg_en, ...)
    "error",
    "warning",
    "Issue",
    "make",  # AssignError.make
    "NipError",
    "ValueProblemError",
    "ReadLimitError",
    "AuditFinding",
    "_bad_key",
    "_refused",
}
"""Calls that take a user message's texts: given from the catalogue (``texts()``, ``issue()``,
``failure()``), never as literal text."""


def _inline_messages(source: str) -> list[int]:
    """Lines of calls to :data:`MESSAGE_MAKERS` given an f-string or a literal with words."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
        args = [*node.args, *(k.value for k in node.keywords)]
        worded = [
            a
            for a in args
            if isinstance(a, ast.JoinedStr)
            or (
                isinstance(a, ast.Constant)
                and isinstance(a.value, str)
                and " " in a.value
                and re.search(r"\b[a-z]{3,}\b", a.value)
            )
        ]
        if name in MESSAGE_MAKERS and worded:
            lines.append(node.lineno)
    return lines


def test_no_library_module_writes_a_message_inline() -> None:
    """Every library module (the web UI too) takes its messages' texts from the catalogue: a
    planted ``PlacementError.single("X", f"... {x}", "...")`` or ``error(..., "teks", "text")``
    in any module fails here."""
    package = VALIDATE.parents[1]
    found = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := _inline_messages(path.read_text("utf-8")))
    }
    assert found == {}
    planted = 'raise PlacementError.single("X", f"NIP {nip} tidak ada", "NIP {nip} is missing")'
    assert _inline_messages(planted) == [1]
    assert _inline_messages('issues.append(error("f", 2, None, "C", "teks ini", "this"))') == [1]
    assert _inline_messages('raise failure("X", Where("f"), nip=nip)') == []
    assert _inline_messages('raise NipError("NIP_PANJANG", *texts("ALASAN", nip=n))') == []


def _language_choices(source: str) -> list[int]:
    """Lines of ``"..." if lang == "en" else "..."`` (or ``if en``) choosing between two literal
    texts with words: a message pair written in place instead of taken from the catalogue."""

    def worded(node: ast.expr) -> bool:
        return isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and bool(re.search(r"[A-Za-z]{2,}", node.value))
            and node.value not in {"en", "id"}
        )

    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.IfExp)
        and ast.unparse(node.test) in {"en", "lang == 'en'", "lang == 'id'"}
        and worded(node.body)
        and worded(node.orelse)
    ]


def test_no_library_module_chooses_between_inline_texts() -> None:
    """The command line, the plan, the succession and the report texts come from the catalogue
    too (``text(name, lang)``): no Indonesian / English pair chosen by language in the code.
    The web UI's short ``tr()`` labels are function calls, not such choices."""
    package = VALIDATE.parents[1]
    found = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := _language_choices(path.read_text("utf-8")))
    }
    assert found == {}
    assert _language_choices('x = "Ditulis" if lang == "id" else "Written"') == [1]
    assert _language_choices('x = f"{n} more" if en else f"{n} lagi"') == [1]
    assert _language_choices('x = text("CLI_DITULIS_KE", lang, out_file=o)') == []
    assert _language_choices('lang = "en" if en else "id"') == []
