"""Rencana: one run's plan — summary, sortable plan table, a move's explanation (rules with legal
basis, score terms, alternatives, why-not), vacancy chains as a graph, the region's 9-box grid
and the downloads (rencana.xlsx, dossier PDF). Everything is computed by the library
(placement.plan.*); this page only lays it out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.compare import PlanFiles, read_plan_dir
from placement.plan.explain import TIE_RULES, Alternative, alternatives, explain_move, why_not
from placement.plan.review import MOVE_KINDS, PlanSummary, plan_summary, talent_grid_moves
from placement.plan.solved import chain_steps, change_lines, post_label
from placement.report.dossier import write_dossier
from placement.store.runs import RunStore
from placement.ui import i18n
from placement.ui.i18n import kind_label, t, tr
from placement.ui.layout import frame_table, page_frame
from placement.ui.plan_cache import Solved, cached, solved
from placement.ui.runs_view import run_options
from placement.ui.state import workspace


def _error(exc: PlacementError) -> str:
    return exc.issues[0].message(i18n.lang())


def _summary(s: PlanSummary) -> None:
    card = ui.card().classes("w-full").props("data-testid=rencana-ringkasan")
    with card, ui.row().classes("gap-8 items-start"):
        _number(tr("Status", "Status"), s.status,
                tr("OPTIMAL = rencana terbaik yang mungkin", "OPTIMAL = the best possible plan"))  # fmt: skip
        _number(tr("Objektif", "Objective"),
                "-" if s.objective is None else f"{s.objective:.4f}",
                tr("skor total rencana; makin tinggi makin baik",
                   "total score of the plan; higher is better"))  # fmt: skip
        _number(tr("Jabatan terisi", "Posts filled"), f"{s.filled} / {s.posts_in_scope}",
                tr("jabatan dalam lingkup yang punya pemegang", "in-scope posts with a holder"),
                "ringkasan-terisi")  # fmt: skip
        _number(tr("Jabatan lowong", "Posts vacant"), str(s.vacant),
                tr("tetap kosong setelah rencana", "still empty after the plan"),
                "ringkasan-lowong")  # fmt: skip
        moves = ", ".join(f"{kind_label(k)} {s.moves[k]}" for k in MOVE_KINDS)
        _number(
            tr("Perpindahan", "Moves"),
            str(s.moved),
            f"{moves}; {kind_label('tetap')} {s.moves['tetap']}",
            "ringkasan-pindah",
        )


def _number(title: str, value: str, note: str, testid: str = "") -> None:
    with ui.column().classes("gap-0"):
        ui.label(title).classes("text-xs text-grey-7 uppercase")
        label = ui.label(value).classes("text-xl font-semibold")
        if testid:
            label.props(f"data-testid={testid}")
        ui.label(note).classes("text-xs text-grey-7 max-w-60")


def _plan_frame(files: PlanFiles) -> pd.DataFrame:
    """The plan rows for the table: moves first, then stays; readable column names."""
    plan = files.plan.copy()
    plan["_pindah"] = plan["jenis_perpindahan"].astype(str) == "tetap"
    plan = plan.sort_values(["_pindah", "jabatan_tujuan_id"], na_position="last")
    jpm = pd.to_numeric(plan["jpm"], errors="coerce")

    def post(ids: pd.Series, names: pd.Series) -> pd.Series:
        return (ids.fillna("").astype(str) + " " + names.fillna("").astype(str)).str.strip()

    return pd.DataFrame({
        "NIP": plan["nip"].astype(str),
        tr("Nama", "Name"): plan["nama"],
        tr("Jenis", "Kind"): plan["jenis_perpindahan"].astype(str).map(kind_label),
        tr("Jabatan asal", "From post"): post(plan["jabatan_asal_id"], plan["jabatan_asal"]).replace(
            "", tr("(di luar jabatan dalam lingkup)", "(outside the posts in scope)")
        ),
        tr("Jabatan tujuan", "To post"): post(plan["jabatan_tujuan_id"], plan["jabatan_tujuan"]),
        tr("OPD tujuan", "To OPD"): plan["opd_tujuan"],
        tr("Kotak talenta", "Talent box"): plan["kotak_talenta"],
        "JPM (%)": (100 * jpm).round(1),
        tr("Skor", "Score"): pd.to_numeric(plan["skor"], errors="coerce").round(4),
    })  # fmt: skip


ROW_TEMPLATE = r"""
<q-tr :props="props" class="cursor-pointer" :data-testid="'rencana-baris-' + props.row.NIP"
      @click="$parent.$emit('baris', props.row)">
  <q-td v-for="col in props.cols" :key="col.name" :props="props">{{ col.value }}</q-td>
</q-tr>
"""


def _chain_graph(files: PlanFiles) -> None:
    """Vacancy chains: a graph (nodes = posts, edges = moves) and the chain table."""
    chains = files.chains
    plan = files.plan
    names: dict[str, str] = {}
    for ids, labels in (
        ("jabatan_asal_id", "jabatan_asal"),
        ("jabatan_tujuan_id", "jabatan_tujuan"),
    ):
        names.update({str(i): str(n) for i, n in zip(plan[ids], plan[labels], strict=True)
                      if isinstance(i, str) and i})  # fmt: skip
    kinds = dict(zip(plan["nip"].astype(str), plan["jenis_perpindahan"].astype(str), strict=True))
    nodes: dict[str, dict[str, Any]] = {}
    links = []

    def node(post: Any, key: str) -> str:
        if isinstance(post, str) and post:
            name = names.get(post, "")
            short = name if len(name) <= 26 else name[:25] + "…"
            nodes.setdefault(post, {"name": post, "value": name or post, "symbolSize": 34,
                                    "label": {"formatter": f"{post} {short}".strip()},
                                    "itemStyle": {"color": "#0f766e"}})  # fmt: skip
            return post
        nodes[key] = {"name": key, "symbolSize": 22, "itemStyle": {"color": "#9ca3af"},
                      "value": tr("pegawai dari luar jabatan dalam lingkup", "a person from outside the in-scope posts"),
                      "label": {"formatter": tr("dari luar", "from outside")}}  # fmt: skip
        return key

    for r in chains.itertuples(index=False):
        src = node(r.jabatan_asal_id, tr(f"luar {r.rantai_id}", f"outside {r.rantai_id}"))
        dst = node(r.jabatan_tujuan_id, tr(f"lepas {r.rantai_id}", f"released {r.rantai_id}"))
        links.append({"source": src, "target": dst,
                      "label": {"show": True, "formatter": kind_label(kinds.get(str(r.nip), ""))}})  # fmt: skip
    s = plan_summary(files)
    with ui.card().classes("w-full"):
        ui.label(tr("Rantai lowongan", "Vacancy chains")).classes("text-lg font-medium")
        ui.label(tr("Setiap panah: pemegang jabatan asal pindah ke jabatan tujuan, sehingga "
                    "lowongannya diteruskan. Siklus = rotasi melingkar.",
                    "Each arrow: the holder of the first post moves into the second, passing the "
                    "vacancy on. A cycle is a circular rotation.")).classes("text-sm text-grey-8")  # fmt: skip
        ui.label(tr(f"{s.chains} rantai, {s.cycles} siklus, terpanjang {s.longest_chain} langkah",
                    f"{s.chains} chains, {s.cycles} cycles, longest {s.longest_chain} steps")).props(
            "data-testid=rantai-ringkasan"
        ).classes("font-medium")  # fmt: skip
        if chains.empty:
            ui.label(tr("Tidak ada perpindahan, jadi tidak ada rantai.",
                        "No moves, so no chains.")).props("data-testid=rantai-kosong")  # fmt: skip
            return
        ui.echart({
            "tooltip": {"formatter": "{b}: {c}"},
            "series": [{
                "type": "graph", "layout": "force", "roam": True, "draggable": True,
                "force": {"repulsion": 260, "edgeLength": 110},
                "label": {"show": True, "position": "right"},
                "edgeSymbol": ["none", "arrow"], "edgeSymbolSize": 10,
                "lineStyle": {"width": 2, "color": "#475569"},
                "data": list(nodes.values()), "links": links,
            }],
        }).classes("w-full h-72").props("data-testid=rantai-graf")  # fmt: skip
        posts = sum(1 for n in nodes.values() if n["itemStyle"]["color"] == "#0f766e")
        ui.label(tr(f"Grafik: {posts} jabatan (hijau), {len(links)} panah (perpindahan); abu-abu = dari luar",
                    f"Graph: {posts} posts (green), {len(links)} arrows (moves); grey = from outside")).classes(
            "text-xs text-grey-7"
        ).props("data-testid=rantai-graf-info")  # fmt: skip
        table = pd.DataFrame({
            tr("Rantai", "Chain"): chains["rantai_id"],
            tr("Jenis", "Kind"): chains["jenis"].map(lambda k: tr("siklus", "cycle") if k == "siklus" else tr("rantai", "chain")),
            tr("Urutan", "Step"): chains["urutan"],
            tr("Dari jabatan", "From post"): [f"{p} {names.get(p, '')}".strip() if isinstance(p, str) and p
                                              else tr("(dari luar)", "(from outside)") for p in chains["jabatan_asal_id"]],
            tr("Ke jabatan", "To post"): [f"{p} {names.get(p, '')}".strip() if isinstance(p, str) and p
                                          else "-" for p in chains["jabatan_tujuan_id"]],
            tr("Perpindahan", "Move"): [kind_label(kinds.get(str(n), "")) for n in chains["nip"]],
        })  # fmt: skip
        frame_table(table, testid="rantai-tabel", rows_per_page=10)


def _nine_box(grid: pd.DataFrame) -> None:
    with ui.column().classes("gap-1").props("data-testid=kotak9"):
        ui.label(tr("Jumlah pegawai seluruh daerah per kotak talenta (PermenPAN-RB 3/2020); "
                    "'pindah' = berapa dari mereka berpindah dalam rencana ini.",
                    "Employees of the whole region per talent box (PermenPAN-RB 3/2020); "
                    "'move' = how many of them move in this plan.")).classes("text-sm text-grey-8")  # fmt: skip
        with ui.grid(columns="auto repeat(3, 11rem)").classes("gap-1 items-stretch"):
            for r in range(3):
                cells = grid[grid["baris"] == r].sort_values("kolom")
                ui.label(tr("potensi ", "potential ") + str(cells["potensi"].iloc[0])).classes(
                    "text-xs text-grey-8 self-center text-right pr-2"
                )
                for c in cells.itertuples(index=False):
                    box: Any = c.kotak
                    pool = int(box) >= 7
                    with (
                        ui.card()
                        .tight()
                        .classes("p-2 " + ("bg-teal-1" if pool else "bg-grey-1"))
                        .props(f"data-testid=kotak-{c.kotak}")
                    ):
                        ui.label(tr(f"Kotak {c.kotak}", f"Box {c.kotak}")).classes(
                            "text-xs text-grey-8"
                        )
                        ui.label(tr(f"{c.jumlah} pegawai", f"{c.jumlah} employees")).classes(
                            "text-lg font-semibold"
                        ).props(f"data-testid=kotak-{c.kotak}-jumlah")
                        ui.label(tr(f"{c.pindah} pindah", f"{c.pindah} move")).classes(
                            "text-sm " + ("text-teal-9 font-medium" if c.pindah else "text-grey-7")
                        ).props(f"data-testid=kotak-{c.kotak}-pindah")
            ui.label("")
            for k in grid[grid["baris"] == 0].sort_values("kolom")["kinerja"]:
                ui.label(tr("kinerja ", "performance ") + str(k)).classes(
                    "text-xs text-grey-8 text-center"
                )


@ui.page("/rencana")
async def plan_page(run: str | None = None) -> None:
    ws = workspace()
    with page_frame("/rencana"):
        with RunStore(ws.store) as store:
            runs = store.list()
        if runs.empty:
            ui.label(t("no_runs")).props("data-testid=rencana-kosong")
            ui.button(tr("Buka halaman Jalankan", "Open the Run page"),
                      on_click=lambda: ui.navigate.to("/jalankan")).props("outline")  # fmt: skip
            return
        options = run_options(runs)
        run_id = int(run) if run and run.isdigit() and int(run) in options else next(iter(options))
        with ui.row().classes("items-center w-full"):
            ui.select(options, value=run_id, label=tr("Run yang ditampilkan", "Run shown"),
                      on_change=lambda e: ui.navigate.to(f"/rencana?run={e.value}")).classes(
                "min-w-96"
            ).props("data-testid=rencana-run")  # fmt: skip
            ui.space()
            detail = ui.switch(tr("rinci: tampilkan NIP dan nama pegawai lain",
                                  "detail: show NIP and name of other people")).props(
                "data-testid=rinci"
            ).tooltip(tr("Bawaan: pegawai lain dalam penjelasan disebut dengan jabatannya saja (UU PDP)",
                         "By default other people in explanations are named by their post only"))  # fmt: skip
        with RunStore(ws.store) as store:
            folder = Path(str(store.show(run_id)["folder"]))
        try:
            files = read_plan_dir(folder)
        except PlacementError as exc:
            ui.label(_error(exc)).classes("text-negative").props("data-testid=rencana-galat")
            return
        _summary(plan_summary(files))
        _downloads(run_id, folder)
        with ui.card().classes("w-full"):
            ui.label(tr("Rencana penempatan", "Placement plan")).classes("text-lg font-medium")
            ui.label(tr("Perpindahan di atas, yang tetap di bawah. Klik sebuah baris untuk melihat "
                        "alasannya, kandidat lain, dan 'mengapa tidak'. JPM = job person match.",
                        "Moves first, stays below. Click a row to see why, the other candidates "
                        "and 'why not'. JPM = job person match.")).classes("text-sm text-grey-8")  # fmt: skip
            table = frame_table(_plan_frame(files), row_key="NIP", testid="rencana-tabel")
            table.add_slot("body", ROW_TEMPLATE)
        dialog = ui.dialog().props("data-testid=penjelasan-dialog")
        table.on("baris", lambda e: _explain(dialog, folder, e.args, detail.value))
        _chain_graph(files)
        with ui.card().classes("w-full"):
            ui.label(tr("Peta talenta (kotak 9) seluruh daerah", "Talent map (9-box) of the region")).classes(
                "text-lg font-medium"
            )  # fmt: skip
            box_area = ui.column()
            with box_area:
                ui.spinner(size="lg").props("data-testid=kotak9-memuat")

        async def load_boxes() -> None:
            try:
                ds, _, _ = await solved(folder)
            except PlacementError as exc:
                box_area.clear()
                with box_area:
                    ui.label(_error(exc)).classes("text-negative").props("data-testid=kotak9-galat")
                return
            grid = await threads.io_bound(talent_grid_moves, ds, files.plan, i18n.lang())
            assert grid is not None
            box_area.clear()
            with box_area:
                _nine_box(grid)

        ui.timer(0.05, load_boxes, once=True)


def _downloads(run_id: int, folder: Path) -> None:
    with ui.row().classes("items-center gap-2"):
        ui.button(tr("Unduh rencana.xlsx", "Download rencana.xlsx"), icon="download").props(
            f"outline no-caps tag=a href=/unduh/run/{run_id}/rencana.xlsx data-testid=unduh-rencana"
        )
        make = ui.button(tr("Buat dosir PDF", "Make the dossier PDF"), icon="description").props(
            "no-caps data-testid=buat-dosir"
        )
        link = ui.button(tr("Unduh dosir.pdf", "Download dosir.pdf"), icon="download").props(
            f"outline no-caps tag=a href=/unduh/run/{run_id}/dosir.pdf data-testid=unduh-dosir"
        )
        link.set_visibility((folder / "dosir.pdf").is_file())
        note = ui.label("").classes("text-sm").props("data-testid=dosir-status")
        ui.label(tr("Dosir = justifikasi setiap perpindahan bagi Tim Penilai Kinerja dan PPK.",
                    "Dossier = the justification of every move, for the assessment team and the PPK.")).classes(
            "text-xs text-grey-7"
        )  # fmt: skip

    async def build() -> None:
        make.disable()
        note.set_text(tr("Menyusun dosir… (menyusun ulang rencana, lalu menulis PDF)",
                         "Writing the dossier… (re-solving the plan, then writing the PDF)"))  # fmt: skip
        try:
            ds, result, record = await solved(folder)
            await threads.io_bound(
                write_dossier, ds, result, folder / "dosir.pdf", "pdf", record, 3
            )
        except PlacementError as exc:
            note.set_text(_error(exc))
            note.classes("text-negative")
            return
        finally:
            make.enable()
        note.set_text(tr("Dosir PDF siap diunduh.", "The dossier PDF is ready."))
        link.set_visibility(True)

    make.on_click(build)


async def _explain(dialog: ui.dialog, folder: Path, row: Any, detail: bool) -> None:
    """Open the explanation of the clicked plan row."""
    nip = str(row.get("NIP", "")) if isinstance(row, dict) else ""
    dialog.clear()
    with dialog, ui.card().classes("w-full max-w-5xl").props("data-testid=penjelasan"):
        with ui.row().classes("w-full items-center"):
            title = ui.label(tr(f"Penjelasan {nip}", f"Explanation {nip}")).classes(
                "text-lg font-semibold"
            )
            ui.space()
            ui.button(icon="close", on_click=dialog.close).props(
                "flat round data-testid=penjelasan-tutup"
            )
        body = ui.column().classes("w-full gap-2")
        with body:
            if cached(folder) is None:
                ui.label(tr("Memuat data dan menyusun ulang rencana…",
                            "Loading the data and re-solving the plan…")).classes("text-grey-8")  # fmt: skip
            ui.spinner(size="lg")
    dialog.open()
    try:
        ds, result, _ = await solved(folder)
        e = await threads.io_bound(explain_move, ds, result.scenario, result, nip)
        assert e is not None
        alts = (
            await threads.io_bound(alternatives, ds, result, e.jabatan_tujuan_id, 3)
            if e.jabatan_tujuan_id
            else []
        )
    except PlacementError as exc:
        body.clear()
        with body:
            ui.label(_error(exc)).classes("text-negative").props("data-testid=penjelasan-galat")
        return
    en = i18n.lang() == "en"
    title.set_text(f"{e.nama} ({e.nip})")
    body.clear()
    with body:
        target = post_label(ds, e.jabatan_tujuan_id, i18n.lang())
        origin = post_label(ds, e.jabatan_asal_id, i18n.lang()) if e.jabatan_asal_id else tr(
            "(belum memegang jabatan dalam lingkup)", "(holds no in-scope post)")  # fmt: skip
        ui.label(f"{kind_label(e.move_type)}: {origin} → {target}").classes("font-medium").props(
            "data-testid=penjelasan-pindah"
        )
        facts = []
        if e.jpm is not None and e.jpm.jpm == e.jpm.jpm:
            facts.append(
                f"JPM {100 * e.jpm.jpm:.1f} % ({e.jpm.category_en if en else e.jpm.category_id})"
            )
        if e.talent_box is not None:
            rec = e.box_recommendation_en if en else e.box_recommendation_id
            facts.append(
                tr(f"kotak talenta {e.talent_box}: {rec}", f"talent box {e.talent_box}: {rec}")
            )
        if e.total is not None:
            facts.append(tr(f"skor {e.total:.4f}", f"score {e.total:.4f}"))
        ui.label(" · ".join(facts)).classes("text-sm")
        ui.label(tr("Aturan yang diperiksa", "Rules checked")).classes("font-medium mt-2")
        if e.checks:
            rules = pd.DataFrame({
                tr("Aturan", "Rule"): [c.rule_id for c in e.checks],
                tr("Hasil", "Result"): [tr("lulus", "pass") if c.passed else tr("GAGAL", "FAIL") for c in e.checks],
                tr("Keterangan", "Detail"): [c.message_en if en else c.message_id for c in e.checks],
                tr("Dasar hukum", "Legal basis"): [c.legal_basis for c in e.checks],
            })  # fmt: skip
            frame_table(rules, testid="penjelasan-aturan", rows_per_page=20)
        else:
            ui.label(tr("Tidak ditempatkan: tidak ada aturan jabatan yang diperiksa.",
                        "Not placed: no post rules to check.")).props("data-testid=penjelasan-aturan")  # fmt: skip
        if e.terms:
            ui.label(tr("Suku skor (nilai × bobot = sumbangan ke skor)",
                        "Score terms (value × weight = contribution to the score)")).classes(
                "font-medium mt-2"
            )  # fmt: skip
            terms = pd.DataFrame({
                tr("Suku", "Term"): [x.label_en if en else x.label_id for x in e.terms],
                tr("Nilai", "Value"): ["-" if x.value is None else f"{x.value:.4f}" for x in e.terms],
                tr("Bobot", "Weight"): [f"{x.weight:g}" for x in e.terms],
                tr("Sumbangan", "Contribution"): [f"{x.contribution:+.4f}" for x in e.terms],
            })  # fmt: skip
            frame_table(terms, testid="penjelasan-skor", rows_per_page=20)
        if not e.chain.empty:
            ui.label(tr("Rantai lowongan: ", "Vacancy chain: ") + "; ".join(chain_steps(e, detail))).props(
                "data-testid=penjelasan-rantai"
            )  # fmt: skip
        ui.label(tr("Kandidat berikutnya untuk jabatan ini (dan mengapa kalah)",
                    "Next-best candidates for this post (and why they lost)")).classes("font-medium mt-2")  # fmt: skip
        if alts:
            frame = pd.DataFrame({
                tr("Peringkat", "Rank"): [a.rank for a in alts],
                "NIP": [a.nip for a in alts],
                tr("Nama", "Name"): [a.nama for a in alts],
                tr("Jenis", "Kind"): [kind_label(a.move_type) for a in alts],
                tr("Skor", "Score"): [f"{a.total:.4f}" for a in alts],
                tr("Selisih dari terpilih", "Difference to chosen"): [f"{a.difference:+.4f}" for a in alts],
                tr("Mengapa tidak dipilih", "Why not chosen"): [_why_lost(ds, result, a) for a in alts],
            })  # fmt: skip
            frame_table(frame, testid="penjelasan-alternatif", rows_per_page=10)
        else:
            ui.label(tr("Tidak ada kandidat lain yang memenuhi syarat.",
                        "No other eligible candidate.")).props("data-testid=penjelasan-alternatif")  # fmt: skip
        _why_not_form(ds, result, e.jabatan_tujuan_id or "", detail)


def _why_lost(ds: Any, result: Any, a: Alternative) -> str:
    """One line on why a next-best candidate is not the holder."""
    en = i18n.lang() == "en"
    if a.tie and a.tie_rule:
        return (
            tr("skor seri; diputus oleh ", "tied score; decided by ")
            + TIE_RULES[a.tie_rule][1 if en else 0]
        )
    rows = result.plan[result.plan["nip"] == a.nip]
    elsewhere = str(rows["jabatan_tujuan_id"].iloc[0]) if len(rows) and isinstance(
        rows["jabatan_tujuan_id"].iloc[0], str) else None  # fmt: skip
    if a.difference > 0 and elsewhere:
        where = post_label(ds, elsewhere, i18n.lang())
        return tr(f"skor di sini lebih tinggi, tetapi rencana secara keseluruhan lebih baik dengan "
                  f"dia di {where}", f"scores higher here, but the plan as a whole is better with "
                  f"them in {where}")  # fmt: skip
    if a.difference > 0:
        return tr("skor di sini lebih tinggi, tetapi memindahkannya membuat rencana keseluruhan "
                  "lebih buruk", "scores higher here, but moving them makes the whole plan worse")  # fmt: skip
    return tr(f"skor lebih rendah ({a.difference:+.4f})", f"lower score ({a.difference:+.4f})")


def _why_not_form(ds: Any, result: Any, jabatan: str, detail: bool) -> None:
    with ui.card().classes("w-full bg-grey-1"):
        ui.label(tr("Mengapa tidak? Tanyakan satu pegawai untuk satu jabatan",
                    "Why not? Ask about one employee for one post")).classes("font-medium")  # fmt: skip
        with ui.row().classes("items-end"):
            nip = ui.input("NIP").props("data-testid=whynot-nip").classes("w-64")
            post = ui.input(tr("Jabatan (jabatan_id)", "Post (jabatan_id)"), value=jabatan).props(
                "data-testid=whynot-jabatan"
            )
            ask = ui.button(tr("Tanyakan", "Ask")).props("data-testid=whynot-tanya")
        answer = ui.column().classes("w-full gap-1").props("data-testid=whynot-hasil")

        async def asked() -> None:
            who, where = (nip.value or "").strip(), (post.value or "").strip()
            answer.clear()
            if who not in ds.person_index or where not in ds.post_index:
                with answer:
                    ui.label(tr("NIP atau jabatan_id tidak ada di data.",
                                "The NIP or jabatan_id is not in the data.")).classes("text-negative")  # fmt: skip
                return
            with answer:
                ui.spinner()
            ask.disable()
            try:
                wn = await threads.io_bound(why_not, ds, result.scenario, result, who, where)
                assert wn is not None
            except PlacementError as exc:
                answer.clear()
                with answer:
                    ui.label(_error(exc)).classes("text-negative")
                return
            finally:
                ask.enable()
            answer.clear()
            en = i18n.lang() == "en"
            with answer:
                ui.label(wn.message(i18n.lang())).classes("font-medium")
                for c in wn.failed:
                    ui.label(f"✗ {c.message_en if en else c.message_id} [{c.legal_basis}]").classes(
                        "text-negative text-sm"
                    )  # fmt: skip
                lines = change_lines(ds, wn.changes, wn.nip, detail, i18n.lang(),
                                     hint=tr("nyalakan 'rinci'", "turn on 'detail'"))  # fmt: skip
                if lines:
                    ui.label(tr("Penempatan yang berubah (di rencana → bila dipaksa):",
                                "Placements that change (in the plan → if forced):")).classes("text-sm")  # fmt: skip
                for line in lines:
                    ui.label(line).classes("text-sm font-mono")

        ask.on_click(asked)


__all__ = ["Solved", "kind_label", "plan_page"]
