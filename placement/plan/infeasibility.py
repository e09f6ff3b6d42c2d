"""Infeasibility in HR terms: a minimal conflicting set of scenario elements (people by NIP only).

When no plan satisfies every hard requirement at once, :func:`diagnose_infeasibility` finds a
minimal set of the scenario's elements that cannot all hold together, by a deletion filter: each
test solves the model with only the elements still in the set (``solve_problem`` with the mip or
cpsat backend and a short time limit). Elements:

- ``wajib_isi``: a post that must be filled (``wajib_isi`` with ``wajib_isi_keras``);
- ``batas``: a move cap (total or per OPD, i.e. a stay group);
- ``kunci``: a locked placement (``kunci`` or the stay of a ``pertahankan`` post);
- ``wajib_pindah``: a holder who must leave the post;
- ``larang``: a forbidden placement (for instance an incumbent forbidden to stay).

The structure (one post per person, one holder per post, every holder keeps a post unless non-job
is allowed) is always on. The set is tested with blocks first (halving), then one element at a
time, so every element left is necessary: without any one of them the model is feasible. Each
element is explained with per-rule refusal counts from the PairTable, e.g. "Jabatan Kepala Dinas
X wajib diisi, tetapi dari 14 calon 9 gagal golongan minimal dan 5 gagal masa jabatan".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.messages import text as in_lang
from placement.domain.messages import texts
from placement.domain.model import Dataset
from placement.rules.eligibility import PairTable, build_pairs
from placement.rules.registry import rule_set
from placement.solver.build import ModelIndex, build_problem
from placement.solver.problem import Problem, SolveStatus
from placement.solver.run import solve_problem


@dataclass(frozen=True)
class Element:
    """One scenario requirement that may take part in a conflict."""

    kind: str  # wajib_isi | batas | kunci | wajib_pindah | larang
    key: str  # jabatan_id, group name, "nip→jabatan_id" or nip
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


@dataclass
class Diagnosis:
    """A conflicting set: infeasible together; ``minimal`` when each element was shown necessary."""

    elements: list[Element]
    minimal: bool
    tests: int
    all_elements: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self, lang: str = "id") -> list[str]:
        head = in_lang("KONFLIK_KEPALA", lang)
        if not self.minimal:
            head += " " + in_lang("KONFLIK_BELUM_MINIMAL", lang)
        return [head, *(f"  - {e.message(lang)}" for e in self.elements)]

    def text(self, lang: str = "id") -> str:
        return "\n".join(self.lines(lang))


# --- model with a subset of the elements ------------------------------------------------------------


@dataclass
class _Base:
    problem: Problem  # built without wajib_pindah (every stay pair present)
    index: ModelIndex
    elements: list[Element]
    apply: list[tuple[str, int]]  # per element: (what, index) it adds to the model


def _subset(problem: Problem, keep: np.ndarray) -> Problem | None:
    """Problem restricted to the kept pairs (None when a fixed pair was dropped)."""
    new_of = np.cumsum(keep) - 1
    if not keep[problem.fixed].all():
        return None
    return dataclasses.replace(
        problem,
        pair_person=problem.pair_person[keep],
        pair_post=problem.pair_post[keep],
        weight=problem.weight[keep],
        tiebreak=problem.tiebreak[keep],
        stay=problem.stay[keep],
        fixed=new_of[problem.fixed].astype(np.int64),
        min_rows=[dataclasses.replace(r, coef=r.coef[keep]) for r in problem.min_rows],
    )


def _model(base: _Base, active: list[int]) -> Problem | None:
    p = base.problem
    want: dict[str, list[int]] = {"post": [], "group": [], "fixed": [], "drop": []}
    for i in active:
        what, value = base.apply[i]
        want[what].append(value)
    must_fill = np.zeros(p.n_posts, dtype=bool)
    must_fill[want["post"]] = True
    model = dataclasses.replace(
        p,
        must_fill=must_fill,
        stay_groups=[p.stay_groups[g] for g in want["group"]],
        fixed=np.array(sorted(set(want["fixed"])), dtype=np.int64),
    )
    if want["drop"]:
        keep = np.ones(p.n_pairs, dtype=bool)
        keep[want["drop"]] = False
        return _subset(model, keep)
    return model


# --- element texts ----------------------------------------------------------------------------------


def _count_text(items: list[tuple[int, str, str]]) -> tuple[str, str]:
    """'2 gagal X, 1 gagal Y dan 1 gagal Z' (and the English) of (count, label_id, label_en)."""
    parts = [texts("KONFLIK_GAGAL", n=n, label_id=a, label_en=b) for n, a, b in items]
    if len(parts) < 2:
        return parts[0] if parts else ("", "")
    first = _joined(*parts[:-1], sep=", ")
    last = parts[-1]
    return texts(
        "KONFLIK_DAN", first_id=first[0], first_en=first[1], last_id=last[0], last_en=last[1]
    )


def _joined(*parts: tuple[str, str], sep: str = " ") -> tuple[str, str]:
    """Texts in both languages, each language's joined by ``sep``."""
    return sep.join(p[0] for p in parts), sep.join(p[1] for p in parts)


def post_refusals(
    ds: Dataset, sc: Skenario, table: PairTable, post: int
) -> tuple[int, int, int, list[tuple[int, str, str]]]:
    """(candidates, eligible placeable, shortlist-only, [(count, label_id, label_en)] per rule)."""
    rules = rule_set(sc)
    by = table.refusals_by_post
    rows = by[by["post"] == post].sort_values("count", ascending=False, kind="stable")
    counts = []
    for rid, n in zip(rows["rule_id"], rows["count"], strict=True):
        spec = rules[str(rid)].spec
        counts.append((int(n), f"{spec.description_id} ({rid})", f"{spec.description_en} ({rid})"))
    pairs = table.pairs[table.pairs["post"].to_numpy() == post]
    shortlist = int(pairs["shortlist_only"].sum())
    total = len(pairs) + int(rows["count"].sum())
    return total, len(pairs) - shortlist, shortlist, counts


def _post_text(ds: Dataset, sc: Skenario, table: PairTable, post: int) -> tuple[str, str]:
    jab = ds.jabatan
    name, jid = str(jab.at[post, "name"]), str(jab.at[post, "jabatan_id"])
    total, ok, shortlist, counts = post_refusals(ds, sc, table, post)
    head = texts("KONFLIK_WAJIB_ISI", name=name, jid=jid, total=total)
    if counts:
        head = _joined(head, _count_text(counts))
    parts = [head]
    if shortlist:
        parts.append(texts("KONFLIK_DAFTAR_PENDEK", n=shortlist))
    eligible = texts("KONFLIK_MEMENUHI", n=ok)
    parts.append(_joined(eligible, texts("KONFLIK_TERPAKAI")) if ok else eligible)
    return _joined(*parts, sep="; ")


def _base(ds: Dataset, sc: Skenario, table: PairTable) -> _Base:
    sc0 = sc.model_copy(update={"wajib_pindah": [], "larang": []})
    problem, index = build_problem(ds, sc0, table)
    jab, peg = ds.jabatan, ds.pegawai
    pairs = index.pairs
    elements: list[Element] = []
    apply: list[tuple[str, int]] = []

    def add(el: Element, fn: tuple[str, int]) -> None:
        elements.append(el)
        apply.append(fn)

    for i in np.flatnonzero(problem.must_fill).tolist():
        post = int(index.posts[i])
        mid, men = _post_text(ds, sc, table, post)
        add(Element("wajib_isi", str(jab.at[post, "jabatan_id"]), mid, men), ("post", i))
    for g_i, g in enumerate(problem.stay_groups):
        allowed = len(g.people) - g.min_stay
        opd = g.name.removeprefix("opd:")
        where = texts("KONFLIK_SELURUH_WILAYAH") if g.name == "total" else (opd, opd)
        mid, men = texts(
            "KONFLIK_BATAS", where_id=where[0], where_en=where[1], allowed=allowed, n=len(g.people)
        )
        add(Element("batas", g.name, mid, men), ("group", g_i))
    for e in problem.fixed.tolist():
        r = pairs.iloc[e]
        person, post = int(r["person"]), int(r["post"])
        nip, jid = str(r["nip"]), str(r["jabatan_id"])
        origin = peg.at[person, "jabatan_id"]
        post_name = str(jab.at[post, "name"])
        if bool(r["stay"]):
            mid, men = texts("KONFLIK_KUNCI_TETAP", nip=nip, post=post_name, jid=jid)
        elif isinstance(origin, str):
            mid, men = texts(
                "KONFLIK_KUNCI_PINDAH_DARI", nip=nip, post=post_name, jid=jid, origin=origin
            )
        else:
            mid, men = texts("KONFLIK_KUNCI_PINDAH", nip=nip, post=post_name, jid=jid)
        add(Element("kunci", f"{nip}→{jid}", mid, men), ("fixed", e))
    for nip in sc.wajib_pindah:
        if nip not in ds.person_index:
            continue
        person = ds.person_index[nip]
        hit = np.flatnonzero((pairs["person"].to_numpy() == person) & pairs["stay"].to_numpy())
        if not len(hit):
            continue
        others = pairs[(pairs["person"].to_numpy() == person) & ~pairs["stay"].to_numpy()]
        listed = ", ".join(others["jabatan_id"].astype(str).tolist()[:8])
        targets = (listed, listed) if listed else texts("KONFLIK_TANPA_TUJUAN")
        origin = str(peg.at[person, "jabatan_id"])
        post_name = str(jab.at[ds.post_index[origin], "name"])
        mid, men = texts(
            "KONFLIK_WAJIB_PINDAH",
            nip=nip,
            post=post_name,
            origin=origin,
            targets_id=targets[0],
            targets_en=targets[1],
        )
        add(Element("wajib_pindah", nip, mid, men), ("drop", int(hit[0])))
    _add_forbidden(ds, sc, pairs, add)
    return _Base(problem, index, elements, apply)


def _add_forbidden(
    ds: Dataset, sc: Skenario, pairs: pd.DataFrame, add: Callable[[Element, tuple[str, int]], None]
) -> None:
    """One element per ``larang`` pair that the rules would allow (the others change nothing)."""
    keys = zip(pairs["nip"].astype(str), pairs["jabatan_id"].astype(str), strict=True)
    where = {key: i for i, key in enumerate(keys)}
    for k in sc.larang:
        e = where.get((k.nip, k.jabatan_id))
        if e is None:
            continue
        post_name = str(ds.jabatan.at[ds.post_index[k.jabatan_id], "name"])
        name = "KONFLIK_LARANG_TETAP" if bool(pairs["stay"].iat[e]) else "KONFLIK_LARANG_TEMPAT"
        mid, men = texts(name, nip=k.nip, post=post_name, jid=k.jabatan_id)
        add(Element("larang", f"{k.nip}→{k.jabatan_id}", mid, men), ("drop", e))


def diagnose_infeasibility(
    ds: Dataset,
    sc: Skenario,
    table: PairTable | None = None,
    *,
    backend: str = "mip",
    time_limit: float = 10.0,
) -> Diagnosis | None:
    """A minimal conflicting set of scenario elements; None when the model is feasible after all."""
    table = table if table is not None else build_pairs(ds, sc)
    base = _base(ds, sc, table)
    tests = 0

    def verdict(active: list[int]) -> bool | None:
        """True infeasible, False feasible, None unknown (time limit)."""
        nonlocal tests
        tests += 1
        model = _model(base, active)
        if model is None:
            return True
        status = solve_problem(model, backend, time_limit, sc.seed).status
        if status is SolveStatus.INFEASIBLE:
            return True
        if status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE, SolveStatus.EMPTY):
            return False
        return None

    current = list(range(len(base.elements)))
    if verdict(current) is not True:
        return None
    # a must-fill post without any placeable candidate is a conflict on its own
    for i in current:
        if base.elements[i].kind == "wajib_isi" and verdict([i]) is True:
            return Diagnosis([base.elements[i]], True, tests, len(base.elements))
    minimal = True
    chunk = max(1, len(current) // 2)
    while True:
        pos = 0
        while pos < len(current):
            trial = current[:pos] + current[pos + chunk :]
            v = verdict(trial)
            if v is True:
                current = trial
            else:
                if chunk == 1 and v is None:
                    minimal = False
                pos += chunk
        if chunk == 1:
            break
        chunk = max(1, chunk // 2)
    return Diagnosis([base.elements[i] for i in current], minimal, tests, len(base.elements))


def conflict_is_infeasible(
    ds: Dataset,
    sc: Skenario,
    keys: list[tuple[str, str]],
    table: PairTable | None = None,
    drop: tuple[str, str] | None = None,
    backend: str = "mip",
) -> bool:
    """Whether the model with only the elements ``keys`` (kind, key), minus ``drop``, is infeasible
    (for tests and for checking a diagnosis independently of the filter)."""
    table = table if table is not None else build_pairs(ds, sc)
    base = _base(ds, sc, table)
    active = [
        i
        for i, e in enumerate(base.elements)
        if (e.kind, e.key) in keys and (e.kind, e.key) != drop
    ]
    model = _model(base, active)
    return (
        model is None
        or solve_problem(model, backend, 30.0, sc.seed).status is SolveStatus.INFEASIBLE
    )


__all__ = [
    "Diagnosis",
    "Element",
    "conflict_is_infeasible",
    "diagnose_infeasibility",
    "post_refusals",
]
