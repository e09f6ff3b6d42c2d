"""The planner's workspace behind the pages: the data in use, the scenario being edited, uploads,
the run store and the solve jobs. One workspace per ``placement ui`` process (a local,
single-planner app); every page reads and changes this object through the library API."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml

from placement.config import Skenario, scenario_from_text
from placement.domain.errors import Issue, PlacementError, Severity, has_errors
from placement.domain.messages import Where, failure
from placement.domain.schema import TABLES
from placement.ui.jobs import Job

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_SCENARIO_JSON = 2 * 1024 * 1024  # a scenario once its YAML aliases are expanded
SYNTHETIC_FOLDER = "data-sintetis-"  # + preset-seed: the built-in region's data folder
UPLOAD_FOLDER = "data-unggahan-"  # + time stamp: a tab's uploaded files
IMPORT_FOLDER = "data-impor-"  # + time stamp: the data folder written by a SIASN import
TABLE_FILES = tuple(f"{t.name}.csv" for t in TABLES)
SYNTHETIC = "sintetis-"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._ -]{1,120}$")


@dataclass
class DataCheck:
    """The validation of the data in use: every issue, and the counts when it is usable."""

    path: Path
    issues: list[Issue]
    people: int = 0
    posts: int = 0

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)

    def count(self, severity: Severity) -> int:
        return sum(1 for i in self.issues if i.severity is severity)


def upload_problem(name: str, content: bytes, any_csv: bool = False) -> str | None:
    """Why an uploaded file is refused (None when it may be stored). Uploads are data only:
    the name must be a template file name (any ``*.csv`` with ``any_csv``, for the SIASN
    import) or ``*.xlsx``, the size is limited, an xlsx must be a zip workbook without macros,
    a csv must be text."""
    base = Path(name).name
    if base != name or not _SAFE_NAME.match(name) or name.startswith("."):
        return f"nama file '{name[:60]}' tidak diizinkan"
    if len(content) > MAX_UPLOAD_BYTES:
        return f"{base} lebih besar dari {MAX_UPLOAD_BYTES // 2**20} MB"
    if not content:
        return f"{base} kosong"
    lower = base.lower()
    if lower.endswith(".xlsx"):
        if not zipfile.is_zipfile(BytesIO(content)):
            return f"{base} bukan file Excel .xlsx"
        with zipfile.ZipFile(BytesIO(content)) as z:
            names = set(z.namelist())
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            return f"{base} bukan buku kerja Excel .xlsx"
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            return f"{base} berisi makro; simpan ulang sebagai .xlsx tanpa makro"
        return None
    if lower in TABLE_FILES or (any_csv and lower.endswith(".csv")):
        if b"\x00" in content[:65536] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            return f"{base} bukan file teks CSV"
        return None
    return f"{base}: hanya data.xlsx atau {', '.join(TABLE_FILES)} yang diterima"


def check_data(path: Path) -> DataCheck:
    """Validate ``path`` (csv folder or xlsx) as ``placement validate`` does: every issue, and
    the numbers of people and posts read."""
    from placement.io.readers import validate_path

    frames, issues, _ = validate_path(path)
    people = len(frames["pegawai"]) if "pegawai" in frames else 0
    posts = len(frames["jabatan"]) if "jabatan" in frames else 0
    return DataCheck(path, issues, people, posts)


@dataclass
class Workspace:
    """Process-wide state of the web workspace (see module docstring)."""

    root: Path
    store: Path
    host: str = "127.0.0.1"
    data: Path | None = None
    scenario: Skenario = field(default_factory=Skenario)
    pending: dict[str, dict[str, bytes]] = field(default_factory=dict)  # per browser tab
    jobs: list[Job] = field(default_factory=list)
    check: DataCheck | None = None

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    # -- data ---------------------------------------------------------------------------------
    def add_upload(self, name: str, content: bytes, tab: str = "") -> None:
        """Keep an uploaded file in memory, for browser tab ``tab`` only, until that tab uses
        its uploads; raises PlacementError."""
        problem = upload_problem(name, content)
        if problem is not None:
            raise PlacementError.single("UNGGAHAN_DITOLAK", problem, problem, name[:120])
        self.pending.setdefault(tab, {})[Path(name).name] = content

    def write_uploads(self, tab: str = "") -> Path:
        """Write tab ``tab``'s pending uploads to a new data folder (its pending list is emptied
        either way) and return what to check: the folder of csv files, or the xlsx in it."""
        files = self.pending.pop(tab, {})
        if not files:
            raise failure("UNGGAHAN_KOSONG")
        xlsx = [n for n in files if n.lower().endswith(".xlsx")]
        if xlsx and len(files) > 1:
            raise failure("UNGGAHAN_CAMPUR")
        folder = self._new_folder(UPLOAD_FOLDER.rstrip("-"))
        for name, content in files.items():
            (folder / name).write_bytes(content)
        if self.scenario.nama.startswith(SYNTHETIC):  # the synthetic region's name and date go
            defaults = Skenario()
            self.scenario = self.scenario.model_copy(
                update={"nama": defaults.nama, "tanggal_rencana": defaults.tanggal_rencana}
            )
        return folder / xlsx[0] if xlsx else folder

    def use_uploads(self, tab: str = "") -> DataCheck:
        """Write tab ``tab``'s pending uploads (:meth:`write_uploads`), check them and make them
        the data in use (in this process; the page checks apart, see ui/offload.py)."""
        return self.use_data(self.write_uploads(tab))

    def use_synthetic(self, preset: str = "tiny", seed: int = 0) -> DataCheck:
        """Generate the built-in synthetic region and make it the data in use."""
        from placement.io.writers import write_dataset
        from placement.synth import generate, preset_plan_date

        folder = self.root / f"{SYNTHETIC_FOLDER}{preset}-{seed}"
        if not (folder / "pegawai.csv").exists():
            write_dataset(generate(preset, seed), folder)  # type: ignore[arg-type]
        self.scenario = self.scenario.model_copy(
            update={"tanggal_rencana": preset_plan_date(preset), "nama": f"{SYNTHETIC}{preset}"}
        )
        return self.use_data(folder)

    def use_data(self, path: Path) -> DataCheck:
        """Validate ``path`` (csv folder or xlsx) and make it the data in use."""
        return self.adopt(check_data(path))

    def adopt(self, check: DataCheck) -> DataCheck:
        """Make the checked data the data in use."""
        self.data = check.path
        self.scenario = self.scenario.model_copy(update={"data": check.path.resolve()})
        self.check = check
        return check

    # -- scenario -----------------------------------------------------------------------------
    def scenario_yaml(self) -> str:
        return scenario_yaml(self.scenario)

    def save_scenario(self, path: Path | None = None) -> Path:
        """Write the scenario YAML (read back by ``placement solve --scenario``)."""
        path = path or self.root / "skenario.yaml"
        path.write_text(self.scenario_yaml(), encoding="utf-8")
        return path

    # -- runs ---------------------------------------------------------------------------------
    def start_job(self, time_limit: float | None = None) -> Job:
        """Start solving the scenario on the data in use in a child process."""
        if self.data is None or self.check is None or not self.check.ok:
            raise failure("DATA_BELUM_SIAP")
        if any(j.running for j in self.jobs):
            raise failure("RUN_SEDANG_BERJALAN")
        folder = self._new_folder("run")
        scenario_file = self.save_scenario(folder / "skenario.yaml")
        job = Job.start(self.data, scenario_file, folder / "rencana", self.store, time_limit)
        self.jobs.append(job)
        return job

    def new_folder(self, prefix: str) -> Path:
        """A new folder ``<prefix>-<time stamp>-<n>`` in the work folder."""
        return self._new_folder(prefix)

    def _new_folder(self, prefix: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for n in range(1, 1000):
            folder = self.root / f"{prefix}-{stamp}-{n}"
            try:
                folder.mkdir(parents=True)
                return folder
            except FileExistsError:
                continue
        raise failure("FOLDER_PENUH", root=self.root)

    def remove_folder(self, folder: Path) -> None:
        """Delete a folder made by this workspace (never outside ``root``)."""
        if folder.resolve().is_relative_to(self.root.resolve()):
            shutil.rmtree(folder, ignore_errors=True)


def scenario_yaml(sc: Skenario) -> str:
    """The scenario as YAML in the CLI's format: only what differs from the defaults, plus the
    name, plan date and data folder."""
    values: dict[str, Any] = sc.model_dump(mode="json", exclude_defaults=True)
    values["nama"] = sc.nama
    values["tanggal_rencana"] = sc.tanggal_rencana.isoformat()
    if sc.data is not None:
        values["data"] = str(sc.data)
    first: tuple[str, ...] = ("nama", "tanggal_rencana", "data")
    ordered = {k: values[k] for k in first if k in values}
    ordered.update({k: v for k, v in values.items() if k not in ordered})
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False)


def scenario_from_yaml(text: str, file: str = "skenario.yaml") -> Skenario:
    """Parse scenario YAML text with the CLI's validation and YAML budgets (located messages)."""
    return scenario_from_text(text, file)


def scenario_values(text: str, file: str = "skenario.yaml") -> dict[str, Any]:
    """The scenario in ``text`` as the editor applies it (JSON values, YAML aliases expanded);
    refused when the expansion is far larger than any scenario (an alias bomb)."""
    values: dict[str, Any] = scenario_from_yaml(text, file).model_dump(mode="json")
    if len(json.dumps(values)) > MAX_SCENARIO_JSON:
        raise failure(
            "SKENARIO_TERLALU_BESAR", Where(file[:120]), megabytes=MAX_SCENARIO_JSON // 2**20
        )
    return values
