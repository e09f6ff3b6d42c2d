"""Scenario configuration (``scenario.yaml``): pydantic models with Indonesian keys.

A planner authors this file; every output records the effective config. Invalid files get a
located message (key path and what is allowed), never a traceback.
"""

from __future__ import annotations

import json
import re
import reprlib
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from placement.domain.errors import Issue, PlacementError, shown
from placement.domain.messages import Where, issue, texts


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Lingkup(_Strict):
    """Which posts are in the plan (empty list = all)."""

    opd: list[str] = Field(default_factory=list, description="OPD yang direncanakan")
    jenis_jabatan: list[Literal["JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"]] = Field(
        default_factory=list, description="Jenis jabatan yang direncanakan"
    )


MoveKind = Literal["promosi", "rotasi", "mutasi", "demosi", "alih_jenis"]


def _default_move_cost() -> dict[MoveKind, float]:
    return {"promosi": 0.03, "rotasi": 0.05, "mutasi": 0.08, "demosi": 0.5, "alih_jenis": 0.03}


class Bobot(_Strict):
    """Objective weights. Fit terms are in [0, 1]; weights of jpm, kotak_talenta and pendidikan
    should sum to 1 so that fit stays in [0, 1]."""

    jpm: float = Field(0.6, ge=0)
    kotak_talenta: float = Field(0.3, ge=0)
    pendidikan: float = Field(0.1, ge=0)
    nilai_jabatan_terisi: dict[int, float] = Field(
        default_factory=lambda: {1: 3.0, 2: 2.0, 3: 1.0},
        description="Nilai jabatan yang terisi per prioritas (1 tinggi … 3 rendah)",
    )
    # Box 9 ("dipromosikan", PermenPAN-RB 3/2020) stands clear of 8 and 7 ("dipertahankan"):
    # with the default weights 0.3 × (1.0 − 0.7) = 0.09 outweighs 0.6 × 10 JPM points = 0.06.
    nilai_kotak_talenta: dict[int, float] = Field(
        default_factory=lambda: {
            9: 1.0,
            8: 0.7,
            7: 0.65,
            6: 0.6,
            5: 0.5,
            4: 0.4,
            3: 0.3,
            2: 0.2,
            1: 0.0,
        },
        description="Nilai tiap kotak talenta dalam [0, 1]",
    )
    biaya_perpindahan: dict[MoveKind, float] = Field(default_factory=_default_move_cost)
    penalti_lewat_masa_jabatan: float = Field(0.1, ge=0)
    penalti_rumpun: float = Field(
        0.7,
        ge=0,
        description="Penalti penempatan baru bila rumpun pegawai tidak sesuai rumpun jabatan "
        "(di atas bobot jpm: JPM saja tidak menebus rumpun yang salah)",
    )
    penalti_wajib_isi_kosong: float = Field(
        2.0, ge=0, description="Penalti bila jabatan wajib_isi dibiarkan kosong (mode lunak)"
    )
    penalti_non_job: float = Field(5.0, ge=0, description="Penalti bila pemegang jabatan non-job")
    penalti_pelonggaran: float = Field(
        1.0, ge=0, description="Penalti per penempatan yang melonggarkan aturan (mode elastis)"
    )

    @field_validator("biaya_perpindahan")
    @classmethod
    def _every_move_has_a_cost(cls, v: dict[MoveKind, float]) -> dict[MoveKind, float]:
        """Kinds left out keep their default; alih_jenis defaults to the scenario's promosi cost
        (scenario files written before alih_jenis existed price those moves as promotions)."""
        full = _default_move_cost()
        full["alih_jenis"] = v.get("promosi", full["promosi"])
        full.update(v)
        return full

    @field_validator("nilai_kotak_talenta")
    @classmethod
    def _box_in_unit(cls, v: dict[int, float]) -> dict[int, float]:
        bad = {k: x for k, x in v.items() if not 0.0 <= x <= 1.0 or not 1 <= k <= 9}
        if bad:
            raise ValueError(f"kotak 1–9 dengan nilai 0–1; salah: {bad}")
        return v


class Batas(_Strict):
    """Caps on the number of moves (empty = no cap)."""

    perpindahan_total: int | None = Field(None, ge=0, description="Maksimum pejabat yang berpindah")
    perpindahan_per_opd: int | None = Field(None, ge=0)
    porsi_berubah_per_opd: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Porsi maksimum jabatan terisi di satu OPD yang berganti pemegang",
    )
    panjang_rantai_maks: int | None = Field(
        None, ge=1, description="Panjang maksimum rantai lowongan"
    )

    @field_validator("panjang_rantai_maks")
    @classmethod
    def _chain_cap_not_built(cls, v: int | None) -> int | None:
        if v is not None:  # refused rather than silently ignored until the model enforces it
            raise ValueError(
                "batas panjang rantai lowongan belum diterapkan oleh model; hapus kunci ini "
                "(panjang rantai terlihat di rantai.csv)"
            )
        return v


class Kunci(_Strict):
    nip: str
    jabatan_id: str


class Pejabat(_Strict):
    """A signatory of the usulan package: name, post and (optionally) NIP."""

    nama: str = Field(description="Nama lengkap dengan gelar")
    jabatan: str | None = Field(None, description="Jabatan, mis. Sekretaris Daerah")
    nip: str | None = Field(None, description="NIP (kosong: baris NIP tidak dicetak)")


class TimPenilai(_Strict):
    """The Tim Penilai Kinerja PNS (PP 11/2017 ps 191, 200) that signs the nota pertimbangan."""

    ketua: Pejabat | None = None
    sekretaris: Pejabat | None = None
    anggota: list[Pejabat] = Field(default_factory=list)


class Instansi(_Strict):
    """The instansi whose plan this is: its name (compared with the pegawai column ``instansi`` to
    find moves between instansi), its PPK (pejabat pembina kepegawaian), and what the usulan
    package prints: the kop lines, the place of signing, the logo and the Tim Penilai Kinerja.
    Empty fields print as bracketed placeholders (``[NAMA INSTANSI]``) for the planner to fill."""

    nama: str | None = Field(None, description="Nama instansi, mis. Pemerintah Kabupaten X")
    ppk: str | None = Field(None, description="Pejabat pembina kepegawaian, mis. Bupati X")
    kop: list[str] = Field(
        default_factory=list,
        description="Baris kop surat, atas ke bawah (kosong: nama instansi), mis. "
        "[PEMERINTAH KABUPATEN X, BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA, "
        "Jalan ... Telepon ...]",
    )
    tempat: str | None = Field(None, description="Tempat penandatanganan, mis. Padangraya")
    logo: Path | None = Field(None, description="Berkas logo PNG/JPEG untuk kop (opsional)")
    tim: TimPenilai = Field(default_factory=TimPenilai, description="Tim Penilai Kinerja PNS")

    @field_validator("nama", "ppk", "tempat")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    @field_validator("kop")
    @classmethod
    def _no_blank_lines(cls, v: list[str]) -> list[str]:
        return [line.strip() for line in v if line.strip()]


class Fakta(_Strict):
    """Facts the approval conditions of the rule pack read (``persetujuan``: Pj kepala daerah,
    election windows, the instansi)."""

    instansi: Instansi = Field(default_factory=Instansi)
    tanggal_pelantikan_kepala_daerah: date | None = None
    pj_kepala_daerah: bool = False
    tanggal_penetapan_paslon: date | None = None
    akhir_masa_jabatan: date | None = None


class Tingkat(_Strict):
    """A lexicographic tier: optimise ``kriteria`` first, keep it within ``toleransi`` (fraction)."""

    kriteria: Literal["jabatan_terisi", "kecocokan", "perpindahan_sedikit"]
    toleransi: float = Field(0.0, ge=0, le=1)


KpiName = Literal[
    "objektif",
    "jabatan_terisi",
    "porsi_terisi",
    "lowong",
    "jpm_rata",
    "jpm_min",
    "porsi_kotak7",
    "promosi",
    "rotasi",
    "mutasi",
    "demosi",
    "alih_jenis",
    "non_job",
    "pejabat_berpindah",
    "lowongan_diisi",
    "perpindahan_opd_maks",
    "porsi_berubah_opd_maks",
    "rantai_terpanjang",
    "porsi_perempuan_promosi",
    "lewat_masa_jabatan_tetap",
]
"""The KPI vocabulary of gates and ``placement compare`` (see placement.plan.compare.KPIS)."""


class Gerbang(_Strict):
    """An acceptance gate on one KPI of a plan: ``min`` ≤ value ≤ ``maks`` (fractions for shares)."""

    kpi: KpiName
    min: float | None = None
    maks: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Gerbang:
        if self.min is None and self.maks is None:
            raise ValueError("gerbang perlu 'min' atau 'maks'")
        return self


class Skenario(_Strict):
    """A placement scenario."""

    nama: str = "skenario"
    tanggal_rencana: date = Field(default_factory=date.today)
    data: Path | None = None
    paket_aturan: str = Field("kabupaten", description="Paket aturan bawaan (rulepacks/*.yaml)")
    lingkup: Lingkup = Field(default_factory=Lingkup)
    aturan: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Ubah parameter aturan: {ID_ATURAN: {parameter: nilai}}"
    )
    bobot: Bobot = Field(default_factory=Bobot)
    batas: Batas = Field(default_factory=Batas)
    kunci: list[Kunci] = Field(default_factory=list, description="Penempatan yang dikunci")
    pertahankan: list[str] = Field(default_factory=list, description="jabatan_id: pemegang tetap")
    larang: list[Kunci] = Field(default_factory=list, description="Pasangan yang dilarang")
    wajib_pindah: list[str] = Field(default_factory=list, description="NIP yang wajib pindah")
    wajib_isi_keras: bool = False
    izinkan_non_job: bool = False
    penempatan_jpt_langsung: bool = Field(
        False, description="Izinkan promosi langsung ke JPT (bawaan: daftar pendek seleksi terbuka)"
    )
    tingkatan: list[Tingkat] = Field(default_factory=list)
    fakta: Fakta = Field(default_factory=Fakta)
    seed: int = 0
    varian: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Varian: {NAMA: {kunci yang diubah dari skenario dasar}}"
    )
    gerbang: list[Gerbang] = Field(
        default_factory=list, description="Gerbang penerimaan: [{kpi: NAMA, min: x, maks: y}]"
    )

    @field_validator("wajib_pindah", "pertahankan")
    @classmethod
    def _strip(cls, v: list[str]) -> list[str]:
        return [str(x).strip() for x in v]

    @field_validator("aturan")
    @classmethod
    def _no_empty_overrides(cls, v: dict[str, Any]) -> dict[str, Any]:
        """An empty override (``KOTAK_TALENTA_MIN: {}``) changes nothing: left out."""
        return {k: x for k, x in v.items() if x != {}}


def plan_date_line(sc: Skenario, from_argument: bool = False, lang: str = "id") -> str:
    """The plan date used and where it came from (an argument such as ``--date``, the scenario,
    or the default: today), so that no plan is made at a silent date."""
    day = sc.tanggal_rencana.isoformat()
    if from_argument:
        source = texts("TANGGAL_DARI_ARGUMEN")
    elif "tanggal_rencana" in sc.model_fields_set:
        source = texts("TANGGAL_DARI_SKENARIO")
    else:
        source = texts("TANGGAL_BAWAAN")
    if lang == "en":
        return f"Plan date: {day} ({source[1]})"
    return f"Tanggal rencana: {day} ({source[0]})"


MAX_YAML_BYTES = 1_000_000
"""Largest scenario / rule-pack YAML document read (bytes; a real one is a few KB)."""
MAX_YAML_ALIASES = 100
"""Most ``*alias`` references in one YAML document."""
MAX_YAML_NODES = 100_000
"""Most YAML nodes in one document once every alias is expanded (a "billion laughs" bomb has
billions): refused while composing, before any object is built."""
MAX_YAML_DEPTH = 100
"""Deepest nesting of lists and mappings in one YAML document."""


class YamlLimitError(yaml.MarkedYAMLError):
    """A YAML document beyond the size, alias, expansion or nesting budget."""


class _BudgetLoader(yaml.SafeLoader):
    """SafeLoader that counts aliases, expanded nodes and depth while composing the node graph,
    so an alias bomb is refused before objects (or error messages) expand it."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> its node count with aliases expanded

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        alias = isinstance(event, yaml.AliasEvent)
        if alias:
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                raise YamlLimitError(
                    problem=f"lebih dari {MAX_YAML_ALIASES} alias (*nama)",
                    problem_mark=event.start_mark,
                )
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            raise YamlLimitError(
                problem=f"bersarang lebih dari {MAX_YAML_DEPTH} tingkat",
                problem_mark=event.start_mark,
            )
        node = super().compose_node(parent, index)
        self._depth -= 1
        if node is None:
            return None
        size = self._sizes.get(id(node))
        if size is None:
            if alias:  # the anchor is still being composed: the document contains itself
                raise YamlLimitError(
                    problem="alias merujuk ke node yang memuatnya", problem_mark=event.start_mark
                )
            size = self._size(node)
        if size > MAX_YAML_NODES:
            raise YamlLimitError(
                problem=f"lebih dari {MAX_YAML_NODES} node setelah alias dijabarkan",
                problem_mark=event.start_mark,
            )
        return node

    def _size(self, node: yaml.Node) -> int:
        """Node count of a just-composed node (its children are counted already)."""
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        size = 1 + sum(self._sizes[id(child)] for child in children)
        self._sizes[id(node)] = size
        return size


def safe_yaml(text: str) -> Any:
    """YAML text as Python objects (safe tags only), within the budgets above; raises
    yaml.YAMLError (YamlLimitError beyond a budget) before building anything too big."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(problem=f"dokumen lebih dari {MAX_YAML_BYTES:,} karakter")
    loader = _BudgetLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml(text: str, file: str = "skenario") -> Any:
    """:func:`safe_yaml`, errors as a located PlacementError (file, line) quoting a short
    excerpt. For every YAML a user gives: scenario files, rule packs, the UI's editor."""
    try:
        return safe_yaml(text)
    except yaml.YAMLError as exc:
        raise PlacementError([_yaml_issue(file, exc)]) from None


def _yaml_issue(file: str, exc: yaml.YAMLError) -> Issue:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = None if mark is None else int(mark.line) + 1
    at = ("", "") if mark is None else texts("YAML_LETAK", line=line, column=int(mark.column) + 1)
    problem = shown(getattr(exc, "problem", None) or str(exc).splitlines()[0], 120)
    fields = {"where_id": at[0], "where_en": at[1], "problem": problem}
    if isinstance(exc, YamlLimitError):
        return issue("SKENARIO_YAML_TERLALU_BESAR", Where(file, line), "YAML_DITOLAK", **fields)
    return issue("SKENARIO_YAML", Where(file, line), **fields)


def read_yaml_file(path: Path) -> Any:
    """A YAML file read through :func:`load_yaml`; files over MAX_YAML_BYTES are refused unread."""
    file = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise PlacementError([issue("SKENARIO_TIDAK_ADA", Where(file), file=file)]) from None
    except OSError as exc:
        found = issue("SKENARIO_TIDAK_TERBACA", Where(file), detail=shown(exc, 120))
        raise PlacementError([found]) from None
    if len(data) > MAX_YAML_BYTES:
        found = issue("SKENARIO_YAML_TERLALU_BESAR", Where(file), limit=MAX_YAML_BYTES)
        raise PlacementError([found])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        found = issue("SKENARIO_YAML", Where(file), "YAML_BUKAN_UTF8", byte=exc.start + 1)
        raise PlacementError([found]) from None
    return load_yaml(text, file)


def _scenario_mapping(raw: Any, file: str) -> dict[str, Any]:
    raw = raw or {}
    if not isinstance(raw, dict):
        raise PlacementError([issue("SKENARIO_YAML", Where(file), "YAML_BUKAN_PEMETAAN")])
    return raw


def load_scenario(path: Path) -> Skenario:
    """Read and validate a scenario YAML; relative ``data`` paths resolve against the file."""
    return _scenario_at(_scenario_mapping(read_yaml_file(path), str(path)), path)


def scenario_from_text(text: str, file: str = "skenario.yaml") -> Skenario:
    """Scenario YAML text (e.g. from the UI editor) validated like a scenario file."""
    return parse_scenario(_scenario_mapping(load_yaml(text, file), file), file)


def _scenario_at(raw: dict[str, Any], path: Path, prefix: str = "") -> Skenario:
    """Validate ``raw``; relative ``data`` and ``fakta.instansi.logo`` paths resolve against the
    scenario file's folder."""
    sc = parse_scenario(raw, str(path), prefix)
    if sc.data is not None and not sc.data.is_absolute():
        sc = sc.model_copy(update={"data": (path.parent / sc.data).resolve()})
    logo = sc.fakta.instansi.logo
    if logo is not None and not logo.is_absolute():  # the kop logo sits beside the scenario too
        instansi = sc.fakta.instansi.model_copy(update={"logo": (path.parent / logo).resolve()})
        fakta = sc.fakta.model_copy(update={"instansi": instansi})
        sc = sc.model_copy(update={"fakta": fakta})
    return sc


def parse_scenario(raw: dict[str, Any], file: str = "skenario", prefix: str = "") -> Skenario:
    """Validate a mapping into a Skenario, turning pydantic errors into located issues.

    ``prefix`` (e.g. ``varian.hemat.``) is put before every key path in the messages."""
    try:
        return Skenario.model_validate(raw)
    except ValidationError as exc:
        issues = []
        for e in exc.errors():
            where = prefix + ".".join(str(p) for p in e["loc"])
            value = excerpt(e.get("input"))
            found = issue(
                "SKENARIO_KUNCI",
                Where(file, None, where),
                key=where,
                value=value,
                problem_id=_translate(e),
                problem_en=e["msg"],
            )
            issues.append(found)
        raise PlacementError(issues) from None


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 2, 40, 40
_REPR.maxdict = _REPR.maxlist = _REPR.maxtuple = _REPR.maxset = 4


def excerpt(value: object, limit: int = 80) -> str:
    """A short repr of a user value for messages: nested and long values cut (never the whole
    of a big value), control characters escaped."""
    return shown(_REPR.repr(value), limit)


BASELINE = "dasar"


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: mappings merge key by key, anything else (lists too) replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def scenario_variants(path: Path) -> dict[str, Skenario]:
    """The baseline (named ``dasar``) and every variant of a scenario file, each fully validated.

    A variant is the baseline with its overrides deep-merged; its ``nama`` becomes
    ``<nama>/<variant>``. Errors name the variant's key path (``varian.NAMA.batas...``).
    Variant names become output folders (:func:`variant_folder`): path-like names and names
    that would share a folder are refused."""
    file = str(path)
    raw = _scenario_mapping(read_yaml_file(path), file)
    base = _scenario_at(raw, path)
    raw = {k: v for k, v in raw.items() if k != "varian"}
    out = {BASELINE: base}
    issues = []
    folders = {BASELINE: BASELINE}
    for name, over in base.varian.items():
        where = f"varian.{shown(name, 40)}"
        if name == BASELINE or "varian" in over:
            at = Where(file, None, where)
            issues.append(issue("SKENARIO_VARIAN", at, name=shown(name, 40), baseline=BASELINE))
            continue
        try:
            folder = variant_folder(name)
        except VariantNameError as exc:
            issues.append(_variant_name_issue(file, where, name, exc.reason))
            continue
        twin = folders.get(folder.casefold())
        if twin is not None:
            reason = texts("VARIAN_FOLDER_SAMA", folder=folder, twin=shown(twin, 40))
            issues.append(_variant_name_issue(file, where, name, reason))
            continue
        folders[folder.casefold()] = name
        merged = deep_merge(raw, over)
        if "nama" not in over:
            merged["nama"] = f"{base.nama}/{name}"
        try:
            out[name] = _scenario_at(merged, path, prefix=f"{where}.")
        except PlacementError as exc:
            issues.extend(exc.issues)
    if issues:
        raise PlacementError(issues)
    return out


_UNSAFE_FOLDER_CHARS = re.compile(r"[^A-Za-z0-9._-]")
_WINDOWS_DEVICES = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)
MAX_VARIANT_NAME = 80


class VariantNameError(ValueError):
    """A variant name that cannot be a folder name; ``reason``: catalogue template ``name``
    (VARIAN_NAMA_*) filled, in Indonesian and English."""

    def __init__(self, name: str, **fields: object) -> None:
        self.reason = texts(name, **fields)
        super().__init__(self.reason[0])
        self.reason_id, self.reason_en = self.reason


def variant_folder(name: str) -> str:
    """The output folder name of a variant: letters, digits, '-', '_' and '.' kept (a leading
    '.' and anything else become '_'). VariantNameError for a name that is a path (absolute,
    with '/', '\\' or '..') or cannot be a folder (empty, too long, a Windows device name)."""
    if not name.strip():
        raise VariantNameError("VARIAN_NAMA_KOSONG")
    if len(name) > MAX_VARIANT_NAME:
        raise VariantNameError("VARIAN_NAMA_PANJANG", limit=MAX_VARIANT_NAME)
    if "/" in name or "\\" in name or ".." in name or re.match(r"[A-Za-z]:", name):
        raise VariantNameError("VARIAN_NAMA_PATH")
    folder = _UNSAFE_FOLDER_CHARS.sub("_", name)
    folder = "_" + folder[1:] if folder.startswith(".") else folder
    if folder.split(".")[0].upper() in _WINDOWS_DEVICES:
        raise VariantNameError("VARIAN_NAMA_PERANGKAT", folder=folder)
    return folder


def _variant_name_issue(file: str, where: str, name: str, reason: tuple[str, str]) -> Issue:
    return issue(
        "SKENARIO_VARIAN",
        Where(file, None, where),
        "VARIAN_DITOLAK",
        name=shown(name, 40),
        reason_id=reason[0],
        reason_en=reason[1],
    )


def _translate(e: Any) -> str:
    kind = e["type"]
    table = {
        "extra_forbidden": "kunci tidak dikenal; periksa ejaan (lihat docs/scenario.schema.json)",
        "missing": "wajib diisi",
        "date_from_datetime_parsing": "harus tanggal YYYY-MM-DD",
        "date_parsing": "harus tanggal YYYY-MM-DD",
        "int_parsing": "harus bilangan bulat",
        "float_parsing": "harus angka",
        "bool_parsing": "harus true/false",
        "literal_error": "nilai tidak diizinkan",
        "greater_than_equal": "terlalu kecil",
        "less_than_equal": "terlalu besar",
    }
    return table.get(kind, str(e["msg"]))


def scenario_json_schema() -> str:
    return json.dumps(Skenario.model_json_schema(), indent=2, ensure_ascii=False, default=str)
