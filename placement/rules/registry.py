"""Rule registry: rule packs (YAML data) and their effective form under a scenario.

A rule pack (``placement/rules/rulepacks/<name>.yaml``) lists every rule with a stable id, its kind
(``keras`` hard / ``lunak`` soft / ``skor`` score parameters), its effect when it fails (``tolak``
refuse the pair, ``daftar_pendek`` shortlist only, ``penalti`` penalise), texts in Bahasa Indonesia
and English, its legal basis, whether it may be relaxed, and parameters with defaults. A scenario
overrides parameters with ``aturan: {RULE_ID: {param: value, aktif: false}}``; every change to a
hard rule is recorded by :func:`relaxations` so that outputs can show it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from placement.config import Skenario, read_yaml_file
from placement.domain import grades
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, issue, texts
from placement.rules.approvals import ApprovalSpec, parse_approval
from placement.rules.legal import LEGAL_STATUSES, LegalBasis, LegalStatus, parse_legal_basis

RuleKind = Literal["hard", "soft", "score"]
Effect = Literal["tolak", "daftar_pendek", "penalti", "skor"]

MOVE_TYPES: tuple[str, ...] = ("tetap", "promosi", "rotasi", "mutasi", "demosi", "alih_jenis")
MOVE_CODE: dict[str, int] = {m: i for i, m in enumerate(MOVE_TYPES)}
# Rules evaluated while blocking (level, golongan) before any pair exists: they must open the pack,
# in this order, so that each refused pair is attributed to the first rule that refuses it.
BLOCKING_RULES: tuple[str, ...] = ("NAIK_SATU_JENJANG", "DEMOSI", "GOL_MIN_ESELON")
# Score-parameter entries the scoring module reads (every pack must have them).
SCORE_ENTRIES: tuple[str, ...] = ("JPM", "PENDIDIKAN_SKOR")
RULEPACK_DIR = Path(__file__).parent / "rulepacks"

_KINDS: dict[str, RuleKind] = {"keras": "hard", "lunak": "soft", "skor": "score"}
_EFFECTS: tuple[str, ...] = ("tolak", "daftar_pendek", "penalti", "skor")
# How a parameter is loosened (for relaxation records): ``turun`` lower is looser, ``naik`` higher
# is looser, ``golongan``/``pendidikan`` a lower grade/education is looser, ``himpunan`` a smaller
# set is looser (fewer move types / sanctions checked), ``None`` direction unknown.
_LOOSER = ("turun", "naik", "golongan", "pendidikan", "himpunan", None)


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """A rule parameter with its default and how it is loosened."""

    name: str
    default: Any
    description_id: str
    description_en: str
    looser: str | None = None


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule as declared in the rule pack."""

    id: str
    kind: RuleKind
    effect: Effect
    active: bool
    relaxable: bool
    description_id: str
    description_en: str
    legal_basis: tuple[LegalBasis, ...]
    params: Mapping[str, ParamSpec]
    message_id: str
    message_en: str

    @property
    def legal_text(self) -> str:
        return "; ".join(b.text() for b in self.legal_basis)

    @property
    def legal_text_with_status(self) -> str:
        return "; ".join(b.text_with_status() for b in self.legal_basis)

    def defaults(self) -> dict[str, Any]:
        return {name: copy.deepcopy(p.default) for name, p in self.params.items()}


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as it applies in one scenario: spec + effective ``active`` flag and parameters."""

    spec: RuleSpec
    active: bool
    params: Mapping[str, Any]

    @property
    def id(self) -> str:
        return self.spec.id

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    @property
    def moves(self) -> tuple[str, ...]:
        """Move types the rule checks (parameter ``berlaku_untuk``; default: every new post)."""
        return tuple(self.params.get("berlaku_untuk", MOVE_TYPES[1:]))


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The effective rules of a scenario, in pack order."""

    pack: str
    rules: Mapping[str, Rule]

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def is_active(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return rule is not None and rule.active

    def checks(self) -> list[Rule]:
        """Hard and soft rules (those with a check function), in pack order, active or not."""
        return [r for r in self.rules.values() if r.spec.kind != "score"]


@dataclass(frozen=True, slots=True)
class RulePack:
    name: str
    description_id: str
    description_en: str
    rules: Mapping[str, RuleSpec]
    approvals: tuple[ApprovalSpec, ...] = ()


# --- loading -----------------------------------------------------------------------------------


def available_packs() -> list[str]:
    return sorted(p.stem for p in RULEPACK_DIR.glob("*.yaml"))


def _pack_path(name: str) -> Path:
    if name.endswith((".yaml", ".yml")) or "/" in name:
        return Path(name)
    return RULEPACK_DIR / f"{name}.yaml"


def load_pack(name: str = "kabupaten") -> RulePack:
    """Load and validate a rule pack by name (bundled) or by path to a YAML file."""
    return _load_pack_cached(str(_pack_path(name).resolve()))


def _bundled_yaml(path: Path) -> Any:
    """A rule pack shipped with placement, parsed by libyaml's safe loader when PyYAML has it
    (0.03 s instead of 0.2 s for kabupaten.yaml: a fifth of a CLI solve's own work). The budgets
    of read_yaml_file guard YAML a user gives; this file is part of the package."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return read_yaml_file(path)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


@cache
def _load_pack_cached(path_text: str) -> RulePack:
    path = Path(path_text)
    if not path.is_file():
        available = ", ".join(available_packs())
        where = Where(path_text)
        raise PlacementError(
            [issue("PAKET_ATURAN_TIDAK_ADA", where, name=path.name, available=available)]
        )
    raw = _bundled_yaml(path) if path.parent == RULEPACK_DIR.resolve() else read_yaml_file(path)
    issues: list[Issue] = []
    rules: dict[str, RuleSpec] = {}
    for i, item in enumerate(raw.get("aturan", [])):
        try:
            spec = _parse_rule(item)
        except (KeyError, TypeError, ValueError) as exc:
            issues.append(_pack_error(path_text, f"aturan[{i}]", str(exc)))
            continue
        if spec.id in rules:
            issues.append(_pack_error(path_text, spec.id, "id ganda / duplicate id"))
        rules[spec.id] = spec
    missing = [r for r in SCORE_ENTRIES if r not in rules]
    if missing:
        issues.append(
            _pack_error(path_text, "aturan", f"entri skor wajib ada: {', '.join(missing)}")
        )
    head = [r for r in rules if r in BLOCKING_RULES]
    if list(rules)[: len(BLOCKING_RULES)] != list(BLOCKING_RULES) or head != list(BLOCKING_RULES):
        issues.append(
            _pack_error(path_text, "aturan", f"paket harus diawali {', '.join(BLOCKING_RULES)}")
        )
    approvals: list[ApprovalSpec] = []
    for i, item in enumerate(raw.get("persetujuan") or []):
        try:
            approvals.append(parse_approval(item, MOVE_TYPES))
        except (KeyError, TypeError, ValueError) as exc:
            issues.append(_pack_error(path_text, f"persetujuan[{i}]", str(exc)))
    ids = [a.id for a in approvals]
    if len(set(ids)) != len(ids):
        issues.append(_pack_error(path_text, "persetujuan", "id ganda / duplicate id"))
    if issues:
        raise PlacementError(issues)
    desc = raw.get("uraian", {})
    return RulePack(
        str(raw.get("paket", path.stem)),
        desc.get("id", ""),
        desc.get("en", ""),
        rules,
        tuple(approvals),
    )


def _pack_error(file: str, where: str, msg: str) -> Issue:
    return issue("PAKET_ATURAN", Where(file, None, where), detail=msg)


def _parse_rule(item: dict[str, Any]) -> RuleSpec:
    rid = str(item["id"])
    kind = _KINDS[str(item["jenis"])]
    effect = str(item["akibat"])
    if effect not in _EFFECTS:
        raise ValueError(f"{rid}: akibat {effect!r} tidak dikenal")
    params: dict[str, ParamSpec] = {}
    for name, p in (item.get("parameter") or {}).items():
        looser = p.get("longgar")
        if looser not in _LOOSER:
            raise ValueError(f"{rid}.{name}: longgar {looser!r} tidak dikenal")
        desc = p.get("uraian", {})
        params[name] = ParamSpec(name, p["bawaan"], desc.get("id", ""), desc.get("en", ""), looser)
    moves = params.get("berlaku_untuk")
    if moves is not None:
        bad = [m for m in moves.default if m not in MOVE_TYPES]
        if bad:
            raise ValueError(f"{rid}: berlaku_untuk {bad} tidak dikenal")
        if kind == "hard" and "tetap" in moves.default:
            raise ValueError(f"{rid}: aturan keras tidak berlaku untuk tetap (bertahan)")
    basis = parse_legal_basis(rid, item["dasar_hukum"])
    return RuleSpec(
        id=rid,
        kind=kind,
        effect=effect,  # type: ignore[arg-type]
        active=bool(item.get("aktif", True)),
        relaxable=bool(item["dapat_dilonggarkan"]),
        description_id=str(item["uraian"]["id"]),
        description_en=str(item["uraian"]["en"]),
        legal_basis=basis,
        params=params,
        message_id=str((item.get("pesan") or {}).get("id", "{actual}; syarat {threshold}")),
        message_en=str((item.get("pesan") or {}).get("en", "{actual}; required {threshold}")),
    )


# --- scenario overrides ------------------------------------------------------------------------


@dataclass(slots=True)
class _Override:
    issues: list[Issue] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


def rule_set(sc: Skenario) -> RuleSet:
    """Effective rules of a scenario: pack defaults + ``sc.aturan`` overrides (validated)."""
    pack = load_pack(sc.paket_aturan)
    rules, result = _apply(pack, sc)
    if result.issues:
        raise PlacementError(result.issues)
    return RuleSet(pack.name, rules)


def relaxations(sc: Skenario) -> list[dict[str, Any]]:
    """Every scenario change to a hard (or shortlist) rule, for outputs and audit.

    Each record: rule_id, change (``dinonaktifkan`` / ``diaktifkan`` / ``parameter``), parameter,
    default, value, direction (``dilonggarkan`` / ``diperketat`` / ``diubah``), relaxable,
    legal_basis, message_id, message_en.
    """
    pack = load_pack(sc.paket_aturan)
    _, result = _apply(pack, sc)
    if result.issues:
        raise PlacementError(result.issues)
    return result.changes


def _apply(pack: RulePack, sc: Skenario) -> tuple[dict[str, Rule], _Override]:
    out = _Override()
    rules: dict[str, Rule] = {}
    for rid, raw in sc.aturan.items():
        if rid not in pack.rules:
            where = Where("skenario", None, f"aturan.{rid}")
            out.issues.append(issue("ATURAN_TIDAK_DIKENAL", where, rule=rid, pack=pack.name))
        elif not isinstance(raw, dict):
            where = Where("skenario", None, f"aturan.{rid}")
            out.issues.append(issue("ATURAN_NILAI", where, template="ATURAN_BUKAN_PEMETAAN"))
    for rid, spec in pack.rules.items():
        params = spec.defaults()
        active = spec.active
        override = sc.aturan.get(rid) or {}
        if not isinstance(override, dict):
            override = {}
        for name, value in override.items():
            if name == "aktif":
                if not isinstance(value, bool):
                    out.issues.append(_value_error(rid, name, value, "true/false"))
                    continue
                active = value
                continue
            if name not in spec.params:
                allowed = ", ".join(["aktif", *spec.params])
                where = Where("skenario", None, f"aturan.{rid}.{name}")
                out.issues.append(
                    issue("ATURAN_PARAMETER", where, name=name, rule=rid, allowed=allowed)
                )
                continue
            merged = _merge(rid, spec.params[name], value, out.issues, spec.kind == "hard")
            if merged is not None:
                params[name] = merged
        if rid == "JPT_SELEKSI_TERBUKA" and sc.penempatan_jpt_langsung:
            active = False
        rules[rid] = Rule(spec, active, params)
        if spec.kind != "score" and spec.effect in ("tolak", "daftar_pendek"):
            out.changes.extend(_changes(spec, active, params, sc))
    return rules, out


def _value_error(rid: str, name: str, value: Any, expected: str) -> Issue:
    where = Where("skenario", None, f"aturan.{rid}.{name}")
    return issue("ATURAN_NILAI", where, value=repr(value), rule=rid, name=name, expected=expected)


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    if default is None:
        return True
    return isinstance(value, type(default))


def _merge(rid: str, spec: ParamSpec, value: Any, issues: list[Issue], hard: bool) -> Any:
    """Validate an override against the default's type; dicts merge key by key (known keys)."""
    default = spec.default
    if not _same_type(default, value):
        issues.append(_value_error(rid, spec.name, value, type(default).__name__))
        return None
    if isinstance(default, dict):
        merged = copy.deepcopy(default)
        for key, sub in value.items():
            if key not in default:
                keys = "salah satu kunci: " + ", ".join(map(str, default))
                issues.append(_value_error(rid, f"{spec.name}.{key}", sub, keys))
                return None
            if not _same_type(default[key], sub):
                expected = type(default[key]).__name__
                issues.append(_value_error(rid, f"{spec.name}.{key}", sub, expected))
                return None
            merged[key] = sub
        return _validate_values(rid, spec, merged, issues)
    if spec.name == "berlaku_untuk":
        bad = [m for m in value if m not in MOVE_TYPES or (hard and m == "tetap")]
        if bad:
            allowed = "/".join(MOVE_TYPES[1:] if hard else MOVE_TYPES)
            issues.append(_value_error(rid, spec.name, value, allowed))
            return None
    return _validate_values(rid, spec, value, issues)


def _validate_values(rid: str, spec: ParamSpec, value: Any, issues: list[Issue]) -> Any:
    """Golongan and education parameters must name known grades / levels."""
    items = value.values() if isinstance(value, dict) else [value]
    if spec.looser == "golongan":
        bad = [v for v in items if v not in grades.PNS_GRADES]
        if bad:
            issues.append(_value_error(rid, spec.name, bad, "golongan I/a … IV/e"))
            return None
    if spec.looser == "pendidikan":
        bad = [v for v in items if v not in grades.EDUCATION_RANK]
        if bad:
            issues.append(_value_error(rid, spec.name, bad, "SD … S3"))
            return None
    return value


def _direction(looser: str | None, old: Any, new: Any) -> str:
    """``dilonggarkan`` / ``diperketat`` / ``diubah`` for one scalar or list parameter change."""
    key: dict[str, Any] = {
        "turun": lambda v: -float(v),
        "naik": float,
        "golongan": lambda v: -grades.grade_rank(v),
        "pendidikan": lambda v: -grades.EDUCATION_RANK[v],
    }
    if looser in key:
        a, b = key[looser](old), key[looser](new)
        return "dilonggarkan" if b > a else "diperketat"
    if looser == "himpunan":
        o, n = set(old), set(new)
        if n < o:
            return "dilonggarkan"
        if n > o:
            return "diperketat"
    return "diubah"


_DIRECTION_EN = {"dilonggarkan": "relaxed", "diperketat": "tightened", "diubah": "changed"}


def _changes(
    spec: RuleSpec, active: bool, params: dict[str, Any], sc: Skenario
) -> list[dict[str, Any]]:
    base = {"rule_id": spec.id, "relaxable": spec.relaxable, "legal_basis": spec.legal_text}
    out: list[dict[str, Any]] = []
    if active != spec.active:
        change = "diaktifkan" if active else "dinonaktifkan"
        via = (
            "penempatan_jpt_langsung"
            if spec.id == "JPT_SELEKSI_TERBUKA" and sc.penempatan_jpt_langsung
            else f"aturan.{spec.id}.aktif"
        )
        change_en = "enabled" if active else "disabled"
        message_id, message_en = texts(
            "ATURAN_DIUBAH_AKTIF", rule=spec.id, change_id=change, change_en=change_en, via=via
        )
        out.append(
            {
                **base,
                "change": change,
                "parameter": "aktif",
                "default": spec.active,
                "value": active,
                "direction": "diperketat" if active else "dilonggarkan",
                "message_id": message_id,
                "message_en": message_en,
            }
        )
    for name, value in params.items():
        default = spec.params[name].default
        if value == default:
            continue
        pairs = (
            [(f"{name}.{k}", default[k], value[k]) for k in default if value[k] != default[k]]
            if isinstance(default, dict)
            else [(name, default, value)]
        )
        for pname, old, new in pairs:
            d = _direction(spec.params[name].looser, old, new)
            message_id, message_en = texts(
                "ATURAN_DIUBAH_PARAMETER",
                rule=spec.id,
                name=pname,
                direction_id=d,
                direction_en=_DIRECTION_EN[d],
                old=repr(old),
                new=repr(new),
            )
            out.append(
                {
                    **base,
                    "change": "parameter",
                    "parameter": pname,
                    "default": old,
                    "value": new,
                    "direction": d,
                    "message_id": message_id,
                    "message_en": message_en,
                }
            )
    return out


__all__ = [
    "BLOCKING_RULES",
    "LEGAL_STATUSES",
    "MOVE_CODE",
    "MOVE_TYPES",
    "SCORE_ENTRIES",
    "LegalBasis",
    "LegalStatus",
    "ParamSpec",
    "Rule",
    "RulePack",
    "RuleSet",
    "RuleSpec",
    "available_packs",
    "load_pack",
    "parse_legal_basis",
    "relaxations",
    "rule_set",
]
