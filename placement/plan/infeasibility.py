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
        head = (
            "Tidak ada rencana yang memenuhi semua syarat sekaligus. Konflik minimal "
            "(longgarkan atau hapus salah satu agar rencana dapat disusun):"
            if lang == "id"
            else "No plan meets every requirement at once. Minimal conflict "
            "(relax or remove any one of them to get a plan):"
        )
        if not self.minimal:
            head += (
                " [belum terbukti minimal: sebagian uji melewati batas waktu]"
                if lang == "id"
                else " [not proven minimal: some tests hit the time limit]"
            )
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


def _count_text(items: list[tuple[int, str, str]], lang: str) -> str:
    parts = [f"{n} {'gagal' if lang == 'id' else 'fail'} {label}" for n, label, _ in items]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    joiner = " dan " if lang == "id" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1]


def post_refusals(ds: Dataset, sc: Skenario, table: PairTable, post: int) -> tuple[int, int, int, list[tuple[int, str, str]]]:  # fmt: skip
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
    id_counts = _count_text([(n, a, b) for n, a, b in counts], "id")
    en_counts = _count_text([(n, b, a) for n, a, b in counts], "en")
    msg_id = f"Jabatan {name} ({jid}) wajib diisi, tetapi dari {total} calon"
    msg_en = f"Post {name} ({jid}) must be filled, but of {total} candidates"
    if id_counts:
        msg_id += f" {id_counts}"
        msg_en += f" {en_counts}"
    if shortlist:
        msg_id += f"; {shortlist} hanya daftar pendek seleksi terbuka JPT"
        msg_en += f"; {shortlist} are shortlist-only (JPT open selection)"
    msg_id += f"; {ok} memenuhi syarat" + (
        " (semuanya terpakai oleh syarat lain di bawah)" if ok else ""
    )
    msg_en += f"; {ok} eligible" + (" (all taken by the other requirements below)" if ok else "")
    return msg_id, msg_en


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
        add(Element("wajib_isi", str(jab.at[post, "jabatan_id"]), mid, men),
            ("post", i))  # fmt: skip
    for g_i, g in enumerate(problem.stay_groups):
        allowed = len(g.people) - g.min_stay
        where = "seluruh wilayah" if g.name == "total" else g.name.removeprefix("opd:")
        where_en = "the whole region" if g.name == "total" else g.name.removeprefix("opd:")
        add(Element("batas", g.name,
                    f"Batas perpindahan {where}: paling banyak {allowed} dari {len(g.people)} pejabat boleh berpindah",
                    f"Move cap for {where_en}: at most {allowed} of {len(g.people)} officials may move"),
            ("group", g_i))  # fmt: skip
    for e in problem.fixed.tolist():
        r = pairs.iloc[e]
        person, post = int(r["person"]), int(r["post"])
        nip, jid = str(r["nip"]), str(r["jabatan_id"])
        origin = peg.at[person, "jabatan_id"]
        post_name = str(jab.at[post, "name"])
        what = "tetap di" if bool(r["stay"]) else "dipindahkan ke"
        what_en = "stays in" if bool(r["stay"]) else "is moved to"
        extra = (
            "" if bool(r["stay"]) or not isinstance(origin, str) else f" (meninggalkan {origin})"
        )
        add(Element("kunci", f"{nip}→{jid}",
                    f"Kunci: NIP {nip} {what} {post_name} ({jid}){extra}",
                    f"Lock: NIP {nip} {what_en} {post_name} ({jid})"),
            ("fixed", e))  # fmt: skip
    for nip in sc.wajib_pindah:
        if nip not in ds.person_index:
            continue
        person = ds.person_index[nip]
        hit = np.flatnonzero((pairs["person"].to_numpy() == person) & pairs["stay"].to_numpy())
        if not len(hit):
            continue
        others = pairs[(pairs["person"].to_numpy() == person) & ~pairs["stay"].to_numpy()]
        targets = ", ".join(others["jabatan_id"].astype(str).tolist()[:8]) or "tidak ada"
        origin = str(peg.at[person, "jabatan_id"])
        post_name = str(jab.at[ds.post_index[origin], "name"])
        add(Element("wajib_pindah", nip,
                    f"NIP {nip} wajib pindah dari {post_name} "
                    f"({origin}); jabatan lain yang memenuhi syarat: {targets}",
                    f"NIP {nip} must leave {origin}; other eligible posts: {targets}"),
            ("drop", int(hit[0])))  # fmt: skip
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
        stay = bool(pairs["stay"].iat[e])
        what, what_en = ("tetap di", "stay in") if stay else ("ditempatkan di", "be placed in")
        add(Element("larang", f"{k.nip}→{k.jabatan_id}",
                    f"Larangan: NIP {k.nip} tidak boleh {what} {post_name} ({k.jabatan_id})",
                    f"Forbidden: NIP {k.nip} may not {what_en} {post_name} ({k.jabatan_id})"),
            ("drop", e))  # fmt: skip


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
    ds: Dataset, sc: Skenario, keys: list[tuple[str, str]], table: PairTable | None = None,
    drop: tuple[str, str] | None = None, backend: str = "mip",
) -> bool:  # fmt: skip
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
