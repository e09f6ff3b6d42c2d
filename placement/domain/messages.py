"""The message catalogue: the Indonesian and English templates of the library's messages, filled
with named fields. Families (docs/architecture.md, "Messages"): the data codes (severity and
description in the code table, :data:`placement.domain.validate.codes.CODES`, the source of
docs/data_format.md's code list; a few templates shared by a family of codes), codes outside that
table (:data:`ERRORS`, :data:`WARNINGS`), the plan audit's :data:`FINDINGS`, the rule checks'
display values :data:`SHOWN` and the texts that are not issues, :data:`NOTICES`.

The templates of the reading side, the run store and privacy, the workflow, the plan's
explanations and comparison, the succession and the command line / web UI live in the parts
:mod:`~placement.domain.messages_io`, :mod:`~placement.domain.messages_store`,
:mod:`~placement.domain.messages_workflow`, :mod:`~placement.domain.messages_plan`,
:mod:`~placement.domain.messages_succession` and :mod:`~placement.domain.messages_cli`, merged
here.
Each part maps names to (Indonesian, English) templates in four dicts: ``ERRORS`` and ``WARNINGS``
(codes of its own: always an error / a warning), ``SHARED`` (templates named apart from their
code, for a code that says something else elsewhere: ``template=``) and ``TEXTS`` (texts that
are not issues: a reason filled into another message, a label, a line of a command's output).

:func:`issue` builds a located Issue, :func:`failure` the PlacementError of one, :func:`texts` both
texts of anything else, :func:`text` one language's. No library module writes a message inline
(tests/test_messages.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from placement.domain import (
    messages_cli,
    messages_io,
    messages_plan,
    messages_store,
    messages_succession,
    messages_workflow,
)
from placement.domain.errors import Issue, PlacementError, Severity

PARTS = (
    messages_io,
    messages_store,
    messages_workflow,
    messages_plan,
    messages_succession,
    messages_cli,
)


@dataclass(frozen=True, slots=True)
class Template:
    """A message in both languages, ``str.format`` fields by name."""

    id: str
    en: str


@dataclass(frozen=True, slots=True)
class Where:
    """Where an issue is: file, Excel row (None: the whole file or column) and column."""

    file: str
    row: int | None = None
    column: str | None = None


TEMPLATES: dict[str, Template] = {
    "JPM_TIDAK_VALID": Template(
        "JPM '{value}' harus persen 0–100 (desimal boleh, mis. 82,5).",
        "JPM '{value}' must be a percentage 0–100 (decimals allowed, e.g. 82.5).",
    ),
    "PRIORITAS_DITURUNKAN": Template(
        "{n} jabatan tanpa prioritas (baris {rows}): diisi dari jenis dan nama jabatan "
        "({rule_id}); hasil {counts}. Isi kolom prioritas bila daerah menetapkan lain.",
        "{n} posts without a priority (rows {rows}): derived from the kind and name "
        "({rule_en}); result {counts}. Fill the column if the region ranks otherwise.",
    ),
    "WAJIB_ISI_DITURUNKAN": Template(
        "{n} jabatan tanpa wajib_isi (baris {rows}): diisi dari jenis dan nama jabatan "
        "({rule_id}; lainnya tidak); {yes} jabatan wajib diisi.",
        "{n} posts without must-fill (rows {rows}): derived from the kind and name "
        "({rule_en}; others no); {yes} posts must be filled.",
    ),
    "KOLOM_WAJIB_TIDAK_ADA": Template(
        "Kolom wajib '{header}' ({meaning_id}) tidak ada di {file}. "
        "Tambahkan kolom dengan judul '{header}' (lihat template).",
        "Required column '{header}' ({meaning_en}) is missing in {file}. "
        "Add a column headed '{header}' (see the template).",
    ),
    "NILAI_WAJIB_KOSONG": Template(
        "Kolom '{header}' wajib diisi ({meaning_id}). Isi sel ini{example_id}.",
        "Column '{header}' is required ({meaning_en}). Fill in this cell{example_en}.",
    ),
    "NIP_GANDA": Template(
        "NIP '{key}' sudah ada di baris {row}. "
        "Setiap pegawai hanya satu baris: hapus baris ganda atau perbaiki NIP.",
        "NIP '{key}' already occurs in row {row}. "
        "Each person has one row: delete the duplicate row or correct the NIP.",
    ),
    "JABATAN_ID_GANDA": Template(
        "jabatan_id '{key}' sudah ada di baris {row}. "
        "Setiap jabatan harus punya ID unik: ubah salah satu ID atau hapus baris ganda.",
        "jabatan_id '{key}' already occurs in row {row}. "
        "Each post needs a unique id: change one id or delete the duplicate row.",
    ),
    "JABATAN_DIPEGANG_GANDA": Template(
        "Jabatan '{key}' sudah ada di baris {row}. Satu jabatan hanya satu pemegang: kosongkan "
        "jabatan_id pada pegawai yang tidak definitif (Plt/Plh).",
        "Post '{key}' already occurs in row {row}. A post has one holder: clear jabatan_id for "
        "the person who is not the definitive holder (acting).",
    ),
    "KOMPETENSI_GANDA": Template(
        "Kompetensi untuk NIP '{key}' sudah ada di baris {row}. "
        "Setiap NIP hanya satu level per kompetensi: hapus baris ganda.",
        "Competency for this NIP '{key}' already occurs in row {row}. "
        "One level per competency and NIP: delete the duplicate row.",
    ),
    "STANDAR_GANDA": Template(
        "Kompetensi untuk jabatan '{key}' sudah ada di baris {row}. "
        "Setiap jabatan hanya satu level per kompetensi: hapus baris ganda.",
        "Competency for this jabatan '{key}' already occurs in row {row}. "
        "One level per competency and jabatan: delete the duplicate row.",
    ),
    "TABEL_TANPA_DATA": Template(
        "{file} tidak berisi baris data. Isi minimal satu baris di bawah judul kolom.",
        "{file} has no data rows. Add at least one row below the header.",
    ),
    "TANGGAL_LAHIR_TIDAK_SESUAI_NIP": Template(
        "Tanggal lahir {given} tidak sama dengan tanggal lahir di NIP ({from_nip}). "
        "Periksa SK/data SIASN lalu perbaiki tanggal_lahir atau NIP.",
        "Birth date {given} differs from the birth date in the NIP ({from_nip}). "
        "Check the decree / SIASN data and correct the birth date or the NIP.",
    ),
    "TANGGAL_TERLALU_AWAL": Template(
        "{label_id} {value} sebelum pegawai berusia {min_age} tahun (lahir {born}). "
        "Periksa tanggal ini dan tanggal lahir / NIP.",
        "{label_en} {value} is before the person turned {min_age} (born {born}). "
        "Check this date and the birth date / NIP.",
    ),
    "TANGGAL_MASA_DEPAN": Template(
        "{label_id} {value} setelah {when_id}: tanggal ini belum terjadi. "
        "Perbaiki tanggalnya (cek SK / data SIASN).",
        "{label_en} {value} is after {when_en}: it has not happened yet. "
        "Correct it (check the decree / SIASN data).",
    ),
    "USIA_TIDAK_WAJAR": Template(
        "Usia {years} tahun pada {when_id} (lahir {born}); ASN berusia {min_age}–{max_age} "
        "tahun. Periksa tanggal lahir / NIP.",
        "Age {years} at {when_en} (born {born}); civil servants are {min_age}–{max_age}. "
        "Check the birth date / NIP.",
    ),
    "ESELON_TIDAK_SESUAI_JENIS": Template(
        "Eselon {eselon} adalah jabatan {want}, bukan {kind}. Perbaiki eselon atau jenis_jabatan.",
        "Eselon {eselon} is a {want} post, not {kind}. Correct the eselon or the kind.",
    ),
    "GOLONGAN_TIDAK_SESUAI_STATUS": Template(
        "Golongan '{value}' tidak sesuai status kepegawaian: PNS memakai I/a … IV/e, "
        "PPPK memakai I … XVII. Perbaiki golongan atau status_kepegawaian.",
        "Grade '{value}' does not match the employment status: PNS use I/a … IV/e, "
        "PPPK use I … XVII. Correct the grade or the status.",
    ),
    "JENJANG_KOSONG": Template(
        "Pejabat fungsional tanpa jenjang; dianggap setara pelaksana (level 0). "
        "Isi jenjang (mis. ahli muda) agar syarat naik satu level dihitung benar.",
        "Functional official without a jenjang; treated as level 0. Fill in the "
        "jenjang (e.g. ahli muda) so the one-level-up rule is right.",
    ),
    "STRUKTURAL_TANPA_JABATAN": Template(
        "Pejabat struktural tanpa jabatan_id: dianggap kandidat, bukan pemegang "
        "jabatan. Isi jabatan_id dari sheet jabatan bila ia memegang jabatan yang direncanakan.",
        "Structural official without jabatan_id: treated as a candidate, not a "
        "holder. Fill in the jabatan_id if the person holds a post in the jabatan sheet.",
    ),
    "TANGGAL_LAHIR_KOSONG": Template(
        "Tanggal lahir kosong; diambil dari NIP. Isi bila ingin dicek silang.",
        "Birth date empty; taken from the NIP. Fill it in to cross-check.",
    ),
    "KOLOM_TANGGAL_LAHIR_TIDAK_ADA": Template(  # code TANGGAL_LAHIR_KOSONG, the whole column
        "Kolom tanggal_lahir tidak ada; tanggal lahir diambil dari NIP. Tambahkan kolom "
        "bila ingin dicek silang dengan NIP.",
        "Column tanggal_lahir is missing; birth dates are taken from the NIP. Add the "
        "column to cross-check them.",
    ),
    "STATUS_TIDAK_SESUAI_NIP": Template(
        "Status '{value}' tidak sesuai NIP: NI PPPK memuat '21' pada digit 13–14, NIP "
        "PNS memuat bulan TMT CPNS. Periksa status_kepegawaian dan NIP.",
        "Status '{value}' does not match the number: an NI PPPK has '21' in digits "
        "13–14, a PNS NIP the TMT CPNS month. Check the status and the NIP.",
    ),
    "JENIS_KELAMIN_TIDAK_SESUAI_NIP": Template(
        "Jenis kelamin '{value}' berbeda dari digit ke-15 NIP (1 = L, 2 = P). "
        "Periksa dan perbaiki jenis_kelamin atau NIP.",
        "Gender '{value}' differs from NIP digit 15 (1 = male, 2 = female). "
        "Check and correct the gender or the NIP.",
    ),
    "JENIS_JABATAN_BUKAN_STRUKTURAL": Template(
        "Jenis jabatan '{value}' bukan jabatan struktural. Sheet jabatan hanya berisi "
        "JPT_MADYA / JPT_PRATAMA / ADMINISTRATOR / PENGAWAS; JF dan pelaksana cukup di sheet "
        "pegawai.",
        "Kind '{value}' is not structural. The jabatan sheet lists only JPT_MADYA / "
        "JPT_PRATAMA / ADMINISTRATOR / PENGAWAS posts; JF and pelaksana stay in pegawai.",
    ),
    # --- reading (placement/io)
    "PATH_TIDAK_ADA": Template(
        "Folder atau file data '{path}' tidak ditemukan. Periksa nama dan lokasinya.",
        "Data folder or file '{path}' not found. Check its name and location.",
    ),
    "FILE_TIDAK_TERBACA": Template(
        "{label} tidak dapat dibaca ({detail}). Pastikan file tidak rusak atau sedang dibuka/"
        "dikunci program lain, lalu simpan ulang sebagai CSV UTF-8 atau .xlsx.",
        "{label} cannot be read ({detail}). Make sure it is not damaged or locked by another "
        "program, then save it again as UTF-8 CSV or .xlsx.",
    ),
    "FILE_SUDAH_ADA": Template(  # io/templates.py
        "File sudah ada: {names}. Pilih folder lain atau pakai --force untuk menimpa.",
        "File already exists: {names}. Choose another folder or use --force to overwrite.",
    ),
    "BUKAN_WORKBOOK": Template(  # code FILE_TIDAK_TERBACA: a file that is not a workbook
        "'{name}' bukan workbook .xlsx. Berikan folder berisi pegawai.csv, "
        "jabatan.csv, kompetensi.csv dan standar_kompetensi.csv, atau satu file .xlsx.",
        "'{name}' is not an .xlsx workbook. Give a folder with the csv files, or one .xlsx file.",
    ),
    "FILE_TERLALU_BESAR": Template(  # detail: a ReadLimitError's own words
        "{label} ditolak: {detail_id}. Data kepegawaian sebesar ini tidak wajar; periksa "
        "apakah file benar (bukan file rusak atau sel terisi jauh di luar tabel).",
        "{label} refused: {detail_en}. Personnel data this large is not plausible; check the "
        "file (not damaged, no cells filled far outside the table).",
    ),
    "FILE_TIDAK_ADA": Template(
        "{label} tidak ditemukan di {where}. Tambahkan tabel {table} "
        "({meaning_id}); buat template dengan: placement template FOLDER.",
        "{label} not found in {where}. Add the {table} table ({meaning_en}); "
        "create a template with: placement template FOLDER.",
    ),
    "FILE_OPSIONAL_TIDAK_ADA": Template(
        "{label} tidak ditemukan di {where}; dianggap kosong ({meaning_id}). Tanpa "
        "tabel ini JPM tidak dapat dihitung dengan lengkap.",
        "{label} not found in {where}; treated as empty ({meaning_en}). Without it JPM "
        "cannot be fully computed.",
    ),
    "WORKBOOK_GANDA": Template(
        "Ada beberapa workbook ({names}) dan tidak ada {book}. Sisakan satu "
        "workbook di folder, atau beri nama {book} pada workbook yang dipakai.",
        "Several workbooks ({names}) and no {book}. Keep one workbook in the "
        "folder, or name the one to use {book}.",
    ),
    "FILE_DIABAIKAN": Template(
        "Workbook '{name}' diabaikan karena folder berisi file csv. Hapus salah satu "
        "agar jelas data mana yang dipakai.",
        "Workbook '{name}' is ignored because the folder has csv files. Remove one of "
        "them so it is clear which data is used.",
    ),
    "FILE_KOSONG": Template(
        "{label} kosong (tidak ada baris judul kolom). Salin judul kolom dari template "
        "ke baris pertama, lalu isi datanya.",
        "{label} is empty (no header row). Copy the header from the template to the "
        "first row, then fill in the data.",
    ),
    "KOLOM_TIDAK_DIKENAL": Template(
        "Kolom '{name}' tidak dikenal di tabel {table}; disimpan tetapi diabaikan. "
        "Ganti judulnya sesuai template bila kolom ini dibutuhkan.",
        "Column '{name}' is unknown in table {table}; kept but ignored. Rename it as in "
        "the template if it is needed.",
    ),
    "KOLOM_TANPA_JUDUL": Template(  # code KOLOM_TIDAK_DIKENAL: content under an empty header
        "Ada isi di kolom ke-{number} yang tidak berjudul; diabaikan. Beri judul sesuai "
        "template atau hapus isinya.",
        "Column {number} has content but no header; ignored. Give it a template header or "
        "delete its content.",
    ),
    "KOLOM_GANDA": Template(
        "Kolom '{name}' berarti sama dengan kolom '{canonical}' yang sudah ada. Hapus salah "
        "satu kolom.",
        "Column '{name}' means the same as the column '{canonical}' already present. Delete "
        "one of them.",
    ),
    "BARIS_KOLOM_LEBIH": Template(
        "Baris ini berisi lebih banyak sel daripada judul kolom, biasanya karena ada pemisah "
        "(koma/titik koma) di dalam nilai. Beri tanda kutip pada nilai tersebut atau hapus "
        "sel berlebih.",
        "This row has more cells than the header, usually a separator (comma/semicolon) inside "
        "a value. Quote that value or delete the extra cells.",
    ),
    # --- rule packs and the scenario's rule overrides (placement/rules/registry.py)
    "PAKET_ATURAN_TIDAK_ADA": Template(
        "Paket aturan tidak ditemukan: {name}; tersedia: {available}",
        "Rule pack not found: {name}; available: {available}",
    ),
    "PAKET_ATURAN": Template(  # detail: what is wrong, as the parser says it
        "Paket aturan tidak valid: {detail}",
        "Invalid rule pack: {detail}",
    ),
    "ATURAN_TIDAK_DIKENAL": Template(
        "Aturan '{rule}' tidak dikenal di paket '{pack}' (lihat docs/rules.md)",
        "Unknown rule '{rule}' in pack '{pack}' (see docs/rules.md)",
    ),
    "ATURAN_BUKAN_PEMETAAN": Template(  # code ATURAN_NILAI: the override is not a mapping
        "Isi aturan harus berupa {{parameter: nilai}}",
        "A rule override must be a mapping",
    ),
    "ATURAN_PARAMETER": Template(
        "Parameter '{name}' tidak dikenal untuk {rule}; yang ada: {allowed}",
        "Unknown parameter '{name}' for {rule}; known: {allowed}",
    ),
    "ATURAN_NILAI": Template(  # value: repr of what the scenario gave
        "Nilai {value} untuk {rule}.{name} tidak valid; harus {expected}",
        "Invalid value {value} for {rule}.{name}; expected {expected}",
    ),
    "ATURAN_DIUBAH_AKTIF": Template(  # a relaxation record, not an issue
        "Aturan {rule} {change_id} oleh skenario ({via})",
        "Rule {rule} {change_en} by the scenario ({via})",
    ),
    "ATURAN_DIUBAH_PARAMETER": Template(  # a relaxation record, not an issue
        "Aturan {rule}: {name} {direction_id} dari {old} menjadi {new}",
        "Rule {rule}: {name} {direction_en} from {old} to {new}",
    ),
    # --- a person or post asked for (placement/rules/scoring.py: require_known)
    "NIP_TIDAK_ADA": Template(
        "NIP {nip} tidak ada di data pegawai",
        "NIP {nip} is not in the pegawai data",
    ),
    "JABATAN_TIDAK_ADA": Template(
        "jabatan_id {jid} tidak ada di data jabatan",
        "jabatan_id {jid} is not in the jabatan data",
    ),
    # --- the scenario against the data (placement/solver/build.py)
    "SKENARIO_NIP_TIDAK_DIKENAL": Template(
        "NIP {nip} di '{key}' tidak ada di data pegawai; periksa NIP-nya",
        "NIP {nip} in '{key}' is not in the pegawai data",
    ),
    "WAJIB_PINDAH_BUKAN_PEJABAT": Template(
        "NIP {nip} di 'wajib_pindah' tidak memegang jabatan dalam lingkup rencana; "
        "hapus dari daftar atau perluas lingkup",
        "NIP {nip} in 'wajib_pindah' holds no post in the plan's scope",
    ),
    "SKENARIO_JABATAN_TIDAK_DIKENAL": Template(
        "jabatan_id {jid} di 'pertahankan' tidak ada di data jabatan",
        "jabatan_id {jid} in 'pertahankan' is not in the jabatan data",
    ),
    "PERTAHANKAN_LOWONG": Template(
        "Jabatan {jid} di 'pertahankan' sedang lowong; tidak ada pemegang untuk dipertahankan",
        "Post {jid} in 'pertahankan' is vacant; there is no holder to keep",
    ),
    "KUNCI_DAN_LARANG": Template(
        "{nip} → {jid} dikunci sekaligus dilarang ('larang'); hapus salah satunya",
        "{nip} → {jid} is both locked and forbidden; remove one of them",
    ),
    "KUNCI_GANDA_JABATAN": Template(
        "Jabatan {jid} dikunci untuk dua orang ({first} dan {nip}); satu jabatan satu pemegang",
        "Post {jid} is locked to two people ({first} and {nip})",
    ),
    "KUNCI_GANDA_PEGAWAI": Template(
        "{nip} dikunci ke dua jabatan ({first} dan {jid})",
        "{nip} is locked to two posts ({first} and {jid})",
    ),
    "KUNCI_TIDAK_MEMENUHI_SYARAT": Template(  # reason: in Indonesian, in both languages
        "Kunci {nip} → {jid} tidak dapat dipenuhi: {reason}",
        "Lock {nip} → {jid} cannot be honoured: {reason}",
    ),
    "WAJIB_PINDAH_TANPA_TUJUAN": Template(
        "{nip} wajib pindah tetapi tidak ada jabatan lain yang memenuhi syarat; "
        "hapus dari 'wajib_pindah', perluas lingkup, atau izinkan non-job",
        "{nip} must move but no other post is eligible",
    ),
    "BATAS_DI_BAWAH_WAJIB_PINDAH": Template(
        "Batas perpindahan untuk {group} lebih kecil dari jumlah pegawai wajib pindah di sana "
        "({n_must})",
        "The move cap for {group} is below its number of must-moves ({n_must})",
    ),
    # --- the plan audit's findings (placement/plan/audit.py; codes: FINDINGS)
    "OBJEKTIF_BERBEDA": Template(
        "Objektif dihitung ulang {total:.4f} berbeda dari yang dilaporkan {reported:.4f}",
        "Recomputed objective {total:.4f} differs from the reported {reported:.4f}",
    ),
    "PELONGGARAN_TIDAK_SAH": Template(
        "{nip} → {jid} tercatat sebagai pelonggaran, tetapi melanggar aturan yang tidak boleh "
        "dilonggarkan (atau memang memenuhi syarat)",
        "{nip} → {jid} is recorded as a relaxation but breaks a non-relaxable rule (or is "
        "eligible anyway)",
    ),
    "NIP_TIDAK_DIKENAL": Template(
        "NIP {nip} di rencana tidak ada di data pegawai",
        "NIP {nip} in the plan is not in the pegawai data",
    ),
    "PEGAWAI_GANDA": Template(
        "{nip} muncul lebih dari sekali di rencana",
        "{nip} appears more than once in the plan",
    ),
    "JABATAN_DI_LUAR_LINGKUP": Template(
        "Jabatan {jid} tidak ada atau di luar lingkup rencana",
        "Post {jid} does not exist or is outside the plan's scope",
    ),
    "PEMEGANG_GANDA": Template(
        "Jabatan {jid} diberikan kepada dua orang ({first} dan {nip})",
        "Post {jid} is given to two people ({first} and {nip})",
    ),
    "TIDAK_MEMENUHI_SYARAT": Template(  # why: the failed rules (or the reason, in Indonesian)
        "{nip} → {jid} tidak memenuhi syarat: {why}",
        "{nip} → {jid} is not eligible: {why}",
    ),
    "BARIS_HILANG": Template(
        "Pemegang jabatan {jid} ({nip}) tidak ada di rencana",
        "The holder of {jid} ({nip}) is missing from the plan",
    ),
    "NON_JOB_TIDAK_DIIZINKAN": Template(
        "{nip} (pemegang {jid}) tidak mendapat jabatan; non-job tidak diizinkan",
        "{nip} (holder of {jid}) gets no post; non-job is not allowed",
    ),
    "WAJIB_ISI_KOSONG": Template(
        "Jabatan wajib isi {jid} kosong",
        "Must-fill post {jid} is empty",
    ),
    "KUNCI_DILANGGAR": Template(
        "Kunci {nip} → {jid} tidak dipatuhi",
        "Lock {nip} → {jid} is not honoured",
    ),
    "LARANGAN_DILANGGAR": Template(
        "Pasangan terlarang {nip} → {jid} ada di rencana",
        "Forbidden pair {nip} → {jid} is in the plan",
    ),
    "WAJIB_PINDAH_DILANGGAR": Template(
        "{nip} wajib pindah tetapi tetap di jabatannya",
        "{nip} must move but stays",
    ),
    "PERTAHANKAN_DILANGGAR": Template(
        "Pemegang {jid} seharusnya dipertahankan",
        "The holder of {jid} should be kept",
    ),
    "BATAS_TOTAL_DILANGGAR": Template(
        "{moved} pejabat berpindah, batas {cap}",
        "{moved} officials move, cap {cap}",
    ),
    "BATAS_OPD_DILANGGAR": Template(
        "{opd}: {moved} pejabat berganti, batas {cap}",
        "{opd}: {moved} officials change, cap {cap}",
    ),
    # --- across tables (domain/validate/cross.py)
    "JABATAN_ID_TIDAK_DIKENAL": Template(
        "jabatan_id '{value}' tidak ada di sheet jabatan. Tulis ID yang ada di sheet "
        "jabatan, atau kosongkan untuk JF/pelaksana dan jabatan di luar rencana.",
        "jabatan_id '{value}' is not in the jabatan sheet. Use an id from that sheet, "
        "or leave it empty for JF / pelaksana and posts outside the plan.",
    ),
    "JENIS_JABATAN_TIDAK_SESUAI_JABATAN": Template(
        "Jenis jabatan {sheet_kind} berbeda dari jabatan {post} yang dijabat "
        "({post_kind}). Samakan jenis_jabatan, atau kosongkan jabatan_id bila ia tidak "
        "memegang jabatan itu.",
        "Kind {sheet_kind} differs from the post held, {post} ({post_kind}). Make them "
        "equal, or clear jabatan_id if the person does not hold that post.",
    ),
    "PEMEGANG_GOLONGAN_KURANG": Template(
        "Pemegang jabatan {post} bergolongan {value}, di bawah minimal {minimum}. Ia "
        "tetap boleh bertahan, tetapi tidak memenuhi syarat bila diangkat baru; periksa datanya.",
        "The holder of {post} has grade {value}, below the minimum {minimum}. "
        "Staying is allowed, a new appointment would not be; check the data.",
    ),
    "PEMEGANG_PENDIDIKAN_KURANG": Template(
        "Pemegang jabatan {post} berpendidikan {value}, di bawah minimal {minimum}. Ia "
        "tetap boleh bertahan, tetapi tidak memenuhi syarat bila diangkat baru; periksa datanya.",
        "The holder of {post} has education {value}, below the minimum {minimum}. "
        "Staying is allowed, a new appointment would not be; check the data.",
    ),
    "KOMPETENSI_NIP_TIDAK_DIKENAL": Template(
        "NIP '{value}' di kompetensi tidak ada di sheet pegawai. Hapus baris ini atau "
        "tambahkan pegawai tersebut ke sheet pegawai.",
        "NIP '{value}' in kompetensi is not in the pegawai sheet. Delete the row or add "
        "the person to pegawai.",
    ),
    "KOMPETENSI_TIDAK_ADA": Template(
        "Pegawai {value} tidak punya nilai kompetensi: JPM tidak dapat dihitung dan ia "
        "tidak ditempatkan ke jabatan baru. Tambahkan hasil asesmennya di kompetensi.",
        "Person {value} has no competency scores: no JPM, and not placed into a new "
        "post. Add the assessment results to kompetensi.",
    ),
    "STANDAR_JABATAN_TIDAK_DIKENAL": Template(
        "jabatan_id '{value}' di standar_kompetensi tidak ada di sheet jabatan. Perbaiki "
        "ID atau hapus baris ini.",
        "jabatan_id '{value}' in standar_kompetensi is not in the jabatan sheet. Correct "
        "the id or delete the row.",
    ),
    "STANDAR_TIDAK_ADA": Template(
        "Jabatan {value} tidak punya standar kompetensi; dipakai standar bawaan "
        "levelnya. Tambahkan standarnya di standar_kompetensi bila ada.",
        "Post {value} has no competency standard; the default of its level is used. "
        "Add its standard to standar_kompetensi if there is one.",
    ),
    # --- cells (domain/validate/parse.py)
    "NIP_TIDAK_VALID": Template(  # every code of a NipError: the reason is domain/nip.py's
        "{reason_id}. Perbaiki NIP sesuai SK / data SIASN.",
        "{reason_en}. Correct the NIP from the decree / SIASN data.",
    ),
    "NIP_EXCEL_ANGKA": Template(
        "NIP '{value}' tersimpan sebagai angka di Excel; Excel hanya menyimpan 15 digit sehingga "
        "digit terakhir bisa hilang. Format kolom NIP sebagai Teks, lalu ketik ulang NIP dari "
        "sumber (atau awali dengan tanda ').",
        "NIP '{value}' is stored as a number in Excel, which keeps only 15 digits. Format the NIP "
        "column as Text and re-enter the NIP from the source (or prefix it with ').",
    ),
    "TANGGAL_TIDAK_VALID": Template(
        "Tanggal '{value}' tidak dapat dibaca atau tidak mungkin. Tulis sebagai "
        "YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY (tahun {min_year}–{max_year}), mis. 1975-08-17.",
        "Date '{value}' cannot be read or is impossible. Write it as YYYY-MM-DD, "
        "DD-MM-YYYY or DD/MM/YYYY (years {min_year}–{max_year}), e.g. 1975-08-17.",
    ),
    "BILANGAN_DI_LUAR_RENTANG": Template(  # KOTAK_TALENTA_TIDAK_VALID, PRIORITAS_TIDAK_VALID
        "Nilai '{value}' pada kolom '{header}' harus bilangan bulat {low}–{high}. "
        "Perbaiki nilainya atau kosongkan sel.",
        "Value '{value}' in column '{header}' must be an integer {low}–{high}. "
        "Correct it or leave the cell empty.",
    ),
    "LEVEL_TIDAK_VALID": Template(
        "Level '{value}' harus angka 1–5 (desimal boleh, mis. 3,25 atau 3.25). "
        "Perbaiki nilainya sesuai hasil asesmen.",
        "Level '{value}' must be a number 1–5 (decimals allowed, e.g. 3,25 or 3.25). "
        "Correct it from the assessment results.",
    ),
    "WAJIB_ISI_TIDAK_VALID": Template(
        "Nilai '{value}' pada kolom '{header}' tidak dikenal. Isi 'ya' atau 'tidak' "
        "(kosong = tidak).",
        "Value '{value}' in column '{header}' is not recognised. Use 'ya' (yes) or "
        "'tidak' (no); empty = no.",
    ),
    "LABEL_TIDAK_DIKENAL": Template(  # every *_TIDAK_DIKENAL code of a labelled column
        "Nilai '{value}' pada kolom '{header}' tidak dikenal. Isi salah satu: {options}.",
        "Value '{value}' in column '{header}' is not recognised. Use one of: {options}.",
    ),
    # --- display values of the rule checks (rules/checks.py, rules/rumpun.py: explanations).
    # A few English texts are the Indonesian ones: that is what the explanations said before the
    # catalogue (tests/data/check_messages.json); translate them together with that golden.
    "TAMPIL_TIDAK_ADA_DATA": Template("tidak ada data", "no data"),
    "TAMPIL_SEJAK": Template("{start} ({years:.1f} th)", "{start} ({years:.1f} y)"),
    "TAMPIL_ESELON_JENJANG": Template("{eselon} (jenjang {level})", "{eselon} (level {level})"),
    "TAMPIL_NON_STRUKTURAL": Template(
        "non-struktural (jenjang {level})", "non-structural (level {level})"
    ),
    "TAMPIL_MASA_MIN": Template(
        "≥ {years:g} th (TMT ≤ {cutoff})", "≥ {years:g} y (TMT ≤ {cutoff})"
    ),
    "TAMPIL_PENGALAMAN_MIN": Template(
        "≥ {years:g} th di jenjang {level} (sejak ≤ {cutoff})",
        "≥ {years:g} y at level {level} (since ≤ {cutoff})",
    ),
    "TAMPIL_BUP": Template("{day} (BUP {age} th)", "{day} (BUP {age} y)"),
    "TAMPIL_SKP_MIN": Template("{rating} ({years} tahun)", "{rating} ({years} years)"),
    "TAMPIL_TANPA_HUKDIS": Template("tidak ada", "none"),
    "TAMPIL_HUKDIS_SAMPAI": Template("{level} s.d. {until}", "{level} until {until}"),
    "TAMPIL_HUKDIS_TANPA_AKHIR": Template(
        "{level} (tanpa tanggal selesai)", "{level} (no end date)"
    ),
    "TAMPIL_HUKDIS_SYARAT": Template(
        "tidak sedang menjalani {levels} pada {day}", "no active {levels} on {day}"
    ),
    "TAMPIL_BUKAN": Template("bukan {wanted}", "not {wanted}"),
    "TAMPIL_TANPA_HASIL": Template("tanpa hasil", "tanpa hasil"),
    "TAMPIL_UJI_KOMPETENSI": Template(
        "uji kompetensi dahulu: hanya daftar pendek", "uji kompetensi dahulu: hanya daftar pendek"
    ),
    "TAMPIL_PROMOSI_KE": Template("promosi ke {kind}", "promotion to {kind}"),
    "TAMPIL_SELEKSI_TERBUKA": Template(
        "seleksi terbuka: hanya daftar pendek", "open selection: shortlist only"
    ),
    "TAMPIL_LEWAT_MASA": Template("{cutoff} (> {years:g} th)", "{cutoff} (> {years:g} y)"),
    "TAMPIL_RUMPUN_TIDAK_DIKETAHUI": Template("rumpun tidak diketahui", "rumpun tidak diketahui"),
    # an explanation's line per check (rules/eligibility.py): the rule, its status, its
    # description and its pack message (``pesan``) filled with the display values above
    "TAMPIL_CEK_MEMENUHI": Template(
        "{rule} memenuhi: {description_id} ({body_id})", "{rule} met: {description_en} ({body_en})"
    ),
    "TAMPIL_CEK_TIDAK_MEMENUHI": Template(
        "{rule} TIDAK memenuhi: {description_id} ({body_id})",
        "{rule} NOT met: {description_en} ({body_en})",
    ),
    "TAMPIL_CEK_DAFTAR_PENDEK": Template(
        "{rule} hanya daftar pendek: {description_id} ({body_id})",
        "{rule} shortlist only: {description_en} ({body_en})",
    ),
    "TAMPIL_CEK_PENALTI": Template(
        "{rule} dikenai penalti: {description_id} ({body_id})",
        "{rule} penalised: {description_en} ({body_en})",
    ),
    "TAMPIL_RUMPUN_ATAU": Template("{field} (atau {others})", "{field} (atau {others})"),
    # --- the scenario file and any YAML a user gives (placement/config.py; codes: ERRORS)
    "SKENARIO_TIDAK_ADA": Template(
        "File skenario tidak ditemukan: {file}", "Scenario file not found: {file}"
    ),
    "SKENARIO_TIDAK_TERBACA": Template(  # detail: the system's words
        "File tidak dapat dibaca: {detail}", "Cannot read the file: {detail}"
    ),
    "SKENARIO_YAML_TERLALU_BESAR": Template(
        "File lebih dari {limit:,} byte; skenario yang wajar hanya beberapa KB",
        "File larger than {limit:,} bytes; a real scenario is a few KB",
    ),
    "YAML_DITOLAK": Template(  # code SKENARIO_YAML_TERLALU_BESAR: beyond a YAML budget
        "YAML ditolak{where_id}: {problem}. Sederhanakan file: tulis nilainya langsung, tanpa "
        "alias berlapis atau sarang yang dalam.",
        "YAML refused{where_en}: {problem}. Simplify the file: write the values out, without "
        "nested aliases or deep nesting.",
    ),
    "SKENARIO_YAML": Template(  # problem: the YAML parser's words
        "YAML tidak valid{where_id}: {problem}", "Invalid YAML{where_en}: {problem}"
    ),
    "YAML_LETAK": Template(" (baris {line}, kolom {column})", " (line {line}, column {column})"),
    "YAML_BUKAN_UTF8": Template(  # code SKENARIO_YAML
        "File bukan teks UTF-8 (byte ke-{byte}); simpan ulang sebagai UTF-8",
        "The file is not UTF-8 text (byte {byte}); save it again as UTF-8",
    ),
    "YAML_BUKAN_PEMETAAN": Template(  # code SKENARIO_YAML: the document is not a mapping
        "Isi skenario harus berupa pasangan kunci: nilai",
        "A scenario must be a mapping of keys to values",
    ),
    "SKENARIO_KUNCI": Template(  # problem_en: pydantic's words, problem_id: config._translate
        "Kunci '{key}': {problem_id} (nilai: {value})", "Key '{key}': {problem_en} (value: {value})"
    ),
    "SKENARIO_VARIAN": Template(
        "Varian '{name}': nama '{baseline}' dipakai untuk skenario dasar dan varian tidak boleh "
        "berisi 'varian'",
        "Variant '{name}': the name '{baseline}' is the baseline and a variant may not contain "
        "'varian'",
    ),
    "VARIAN_DITOLAK": Template(  # code SKENARIO_VARIAN: a name that cannot be a folder
        "Varian '{name}' ditolak: {reason_id}. Pakai huruf, angka, '-' atau '_', mis. 'hemat_2'",
        "Variant '{name}' refused: {reason_en}. Use letters, digits, '-' or '_', e.g. 'hemat_2'",
    ),
    "VARIAN_FOLDER_DITOLAK": Template(  # code SKENARIO_VARIAN: when its folder is made
        "Varian '{name}' ditolak: {reason_id}", "Variant '{name}' refused: {reason_en}"
    ),
    "VARIAN_DI_LUAR_FOLDER": Template(  # code SKENARIO_VARIAN
        "Varian '{name}' ditolak: foldernya {path} berada di luar folder keluaran {out}",
        "Variant '{name}' refused: its folder {path} is outside the output folder {out}",
    ),
    # the reasons of VARIAN_DITOLAK / VARIAN_FOLDER_DITOLAK (config.variant_folder)
    "VARIAN_NAMA_KOSONG": Template("nama kosong", "empty name"),
    "VARIAN_NAMA_PANJANG": Template(
        "lebih dari {limit} karakter", "longer than {limit} characters"
    ),
    "VARIAN_NAMA_PATH": Template(
        "nama varian menjadi nama folder keluaran: tidak boleh berisi '/', '\\' atau '..' dan "
        "tidak boleh berupa path absolut",
        "a variant name becomes an output folder name: no '/', '\\' or '..', no absolute path",
    ),
    "VARIAN_NAMA_PERANGKAT": Template(
        "'{folder}' adalah nama perangkat Windows", "'{folder}' is a Windows device name"
    ),
    "VARIAN_FOLDER_SAMA": Template(
        "foldernya '{folder}' sama dengan folder varian '{twin}'",
        "its folder '{folder}' is the folder of variant '{twin}'",
    ),
    # --- output and plan folders (report/outputs.py, io/plan_files.py, plan/compare.py,
    # workflow/inputs.py; codes: ERRORS)
    "FOLDER_KELUARAN_ASING": Template(
        "Folder {folder} berisi file yang tidak ditulis placement ({files}); rencana alternatif "
        "lama di folder keluaran dihapus saat rencana baru ditulis. Pindahkan file itu atau pilih "
        "folder keluaran lain.",
        "Folder {folder} holds files placement did not write ({files}); old alternative plans in "
        "the output folder are removed when a new plan is written. Move those files or choose "
        "another output folder.",
    ),
    "GAGAL_MENULIS": Template(  # reason_id: 'disk penuh' or the system's words
        "File rencana tidak dapat ditulis ke {out} ({reason_id}); tidak ada rencana baru yang sah "
        "di folder itu. Kosongkan ruang disk atau pilih folder lain, lalu jalankan lagi.",
        "Cannot write the plan files to {out} ({reason_en}); the folder holds no new valid plan. "
        "Free disk space or choose another folder, then run again.",
    ),
    "DISK_PENUH": Template("disk penuh", "disk full"),  # the Indonesian reason of GAGAL_MENULIS
    "DATA_TIDAK_DISEBUT": Template(
        "Folder data tidak disebut: berikan DIR di perintah atau kunci 'data:' di skenario",
        "No data folder given: pass DIR or set 'data:' in the scenario",
    ),
    "KUNCI_FILE_TIDAK_TERBACA": Template(  # detail: the system's words
        "File rencana untuk kunci tidak dapat dibaca: {detail}",
        "Cannot read the plan file for locks: {detail}",
    ),
    "KUNCI_KOLOM_HILANG": Template(
        "Kolom '{column}' tidak ada di file rencana",
        "Column '{column}' is missing from the plan file",
    ),
    "HASIL_TIDAK_ADA": Template(
        "{path} tidak ada atau rusak; jalankan 'placement solve' dulu",
        "{path} is missing or damaged; run 'placement solve' first",
    ),
    "FOLDER_RENCANA_TIDAK_LENGKAP": Template(  # code HASIL_TIDAK_ADA
        "{path} bukan folder rencana yang lengkap (rencana.csv, rantai.csv, hasil.json): {detail}",
        "{path} is not a complete plan folder (rencana.csv, rantai.csv, hasil.json): {detail}",
    ),
    # --- the SOTK change file (succession/future.py; codes: ERRORS, SOTK_SUDAH_ADA: WARNINGS)
    "SOTK_TIDAK_ADA": Template("File SOTK tidak ditemukan: {file}", "SOTK file not found: {file}"),
    "SOTK_TIDAK_TERBACA": Template(  # detail: the system's words
        "File SOTK tidak dapat dibaca: {detail}", "Cannot read the SOTK file: {detail}"
    ),
    "SOTK_KOSONG": Template(
        "File SOTK kosong: perlu baris judul jabatan_id,perubahan,tanggal",
        "The SOTK file is empty: it needs the header jabatan_id,perubahan,tanggal",
    ),
    "SOTK_KOLOM_HILANG": Template(
        "Kolom '{column}' tidak ada (kolom wajib: {required})",
        "Column '{column}' is missing (required: {required})",
    ),
    "SOTK_JABATAN_KOSONG": Template("jabatan_id kosong", "jabatan_id is empty"),
    "SOTK_PERUBAHAN": Template(
        "perubahan '{value}' tidak dikenal: isi 'dibentuk' atau 'dihapus'",
        "Unknown change '{value}': use 'dibentuk' (created) or 'dihapus' (abolished)",
    ),
    "SOTK_TANGGAL": Template(
        "tanggal '{value}' tidak valid: tulis YYYY-MM-DD (mis. 2027-01-01) atau DD-MM-YYYY",
        "Invalid date '{value}': write YYYY-MM-DD (e.g. 2027-01-01) or DD-MM-YYYY",
    ),
    "SOTK_JABATAN_TIDAK_ADA": Template(
        "jabatan_id {jid} yang dihapus tidak ada di data jabatan",
        "Abolished jabatan_id {jid} is not in the jabatan data",
    ),
    "SOTK_GANDA": Template(
        "jabatan_id {jid} '{change}' sudah ada di baris {first}",
        "jabatan_id {jid} '{change}' already appears in row {first}",
    ),
    "SOTK_SUDAH_ADA": Template(
        "jabatan_id {jid} yang dibentuk sudah ada di data jabatan: dianggap lowong mulai {day}",
        "Created jabatan_id {jid} is already in the jabatan data: treated as vacant from {day}",
    ),
    # --- the scoring's warnings (rules/scoring.py; codes: WARNINGS)
    "STANDAR_BAWAAN": Template(
        "{n} jabatan tanpa standar kompetensi memakai standar bawaan jenisnya (mis. {ids})",
        "{n} posts without a competency standard use the default of their kind (e.g. {ids})",
    ),
    "KOMPETENSI_KOSONG": Template(
        "{n} kandidat tanpa hasil uji kompetensi: JPM 'tidak ada data' (mis. {nips})",
        "{n} candidates without competency scores: JPM 'no data' (e.g. {nips})",
    ),
    "BOBOT_JUMLAH": Template(
        "Bobot jpm + kotak_talenta + pendidikan = {total:g}, bukan 1: kecocokan tidak lagi "
        "dalam [0, 1]",
        "Weights jpm + kotak_talenta + pendidikan sum to {total:g}, not 1: fit leaves [0, 1]",
    ),
    "PRIORITAS_TANPA_NILAI": Template(
        "Prioritas {priorities} tidak ada di bobot.nilai_jabatan_terisi: nilai jabatan 0",
        "Priorities {priorities} missing from bobot.nilai_jabatan_terisi: post value 0",
    ),
    "TEKNIS_DITURUNKAN": Template(
        "Kolom teknis kosong pada {n} jabatan: diturunkan dari nama jabatan dan OPD "
        "({technical} jabatan teknis, mis. {ids}); isi kolom teknis (ya/tidak) untuk menetapkan "
        "sendiri",
        "Column teknis empty for {n} posts: derived from post and OPD names ({technical} "
        "technical, e.g. {ids}); fill teknis (ya/tidak) to decide yourself",
    ),
    "PENALTI_RUMPUN_RENDAH": Template(
        "bobot.penalti_rumpun ({penalty:g}) tidak di atas bobot.jpm ({jpm:g}): JPM tinggi dapat "
        "menebus rumpun yang tidak sesuai",
        "bobot.penalti_rumpun ({penalty:g}) is not above bobot.jpm ({jpm:g}): a high JPM can buy "
        "back a wrong field",
    ),
    # --- messages that are not located issues (names: NOTICES)
    # the infeasibility diagnosis (placement/plan/infeasibility.py). Some English texts say less
    # than the Indonesian ones (no origin, no post name) or keep an Indonesian word: that is what
    # the diagnosis said before the catalogue (tests/data/notice_messages.json).
    "KONFLIK_KEPALA": Template(
        "Tidak ada rencana yang memenuhi semua syarat sekaligus. Konflik minimal (longgarkan atau "
        "hapus salah satu agar rencana dapat disusun):",
        "No plan meets every requirement at once. Minimal conflict (relax or remove any one of "
        "them to get a plan):",
    ),
    "KONFLIK_BELUM_MINIMAL": Template(
        "[belum terbukti minimal: sebagian uji melewati batas waktu]",
        "[not proven minimal: some tests hit the time limit]",
    ),
    "KONFLIK_GAGAL": Template("{n} gagal {label_id}", "{n} fail {label_en}"),
    "KONFLIK_DAN": Template("{first_id} dan {last_id}", "{first_en} and {last_en}"),
    "KONFLIK_WAJIB_ISI": Template(
        "Jabatan {name} ({jid}) wajib diisi, tetapi dari {total} calon",
        "Post {name} ({jid}) must be filled, but of {total} candidates",
    ),
    "KONFLIK_DAFTAR_PENDEK": Template(
        "{n} hanya daftar pendek seleksi terbuka JPT", "{n} are shortlist-only (JPT open selection)"
    ),
    "KONFLIK_MEMENUHI": Template("{n} memenuhi syarat", "{n} eligible"),
    "KONFLIK_TERPAKAI": Template(
        "(semuanya terpakai oleh syarat lain di bawah)",
        "(all taken by the other requirements below)",
    ),
    "KONFLIK_BATAS": Template(
        "Batas perpindahan {where_id}: paling banyak {allowed} dari {n} pejabat boleh berpindah",
        "Move cap for {where_en}: at most {allowed} of {n} officials may move",
    ),
    "KONFLIK_SELURUH_WILAYAH": Template("seluruh wilayah", "the whole region"),
    "KONFLIK_KUNCI_TETAP": Template(
        "Kunci: NIP {nip} tetap di {post} ({jid})", "Lock: NIP {nip} stays in {post} ({jid})"
    ),
    "KONFLIK_KUNCI_PINDAH": Template(
        "Kunci: NIP {nip} dipindahkan ke {post} ({jid})",
        "Lock: NIP {nip} is moved to {post} ({jid})",
    ),
    "KONFLIK_KUNCI_PINDAH_DARI": Template(  # the English names no origin
        "Kunci: NIP {nip} dipindahkan ke {post} ({jid}) (meninggalkan {origin})",
        "Lock: NIP {nip} is moved to {post} ({jid})",
    ),
    "KONFLIK_WAJIB_PINDAH": Template(  # the English names no post name
        "NIP {nip} wajib pindah dari {post} ({origin}); jabatan lain yang memenuhi syarat: "
        "{targets_id}",
        "NIP {nip} must leave {origin}; other eligible posts: {targets_en}",
    ),
    "KONFLIK_TANPA_TUJUAN": Template("tidak ada", "tidak ada"),
    "KONFLIK_LARANG_TETAP": Template(
        "Larangan: NIP {nip} tidak boleh tetap di {post} ({jid})",
        "Forbidden: NIP {nip} may not stay in {post} ({jid})",
    ),
    "KONFLIK_LARANG_TEMPAT": Template(
        "Larangan: NIP {nip} tidak boleh ditempatkan di {post} ({jid})",
        "Forbidden: NIP {nip} may not be placed in {post} ({jid})",
    ),
    # the command line's error output (placement/cli/base.py)
    "CLI_GALAT": Template("GALAT", "ERROR"),
    "CLI_PERINGATAN": Template("PERINGATAN", "WARNING"),
    "CLI_BARIS": Template("baris {row}", "row {row}"),
    "CLI_KOLOM": Template("kolom {column}", "column {column}"),
    "CLI_MASALAH_DITEMUKAN": Template(
        "{n} masalah ditemukan; tidak ada file keluaran yang ditulis.",
        "{n} problem(s) found; no output file was written.",
    ),
    "CLI_DIHENTIKAN": Template(
        "Status: INTERRUPTED. Dihentikan oleh pengguna; tidak ada file rencana baru yang ditulis.",
        "Status: INTERRUPTED. Stopped by the user; no new plan file was written.",
    ),
    # --- out of memory in a stage that knows its size (rules/eligibility.out_of_memory; ERRORS)
    "MEMORI_TIDAK_CUKUP": Template(
        "Memori komputer tidak cukup saat {what_id} ({people_id} kandidat × {posts_id} jabatan "
        "dalam lingkup{pairs_id}). Persempit lingkup di skenario (lingkup.opd: OPD yang direncanakan; "
        "lingkup.jenis_jabatan: mis. [JPT_PRATAMA, ADMINISTRATOR]), selesaikan per instansi, atau "
        "jalankan di komputer dengan memori lebih besar",
        "Out of memory while {what_en} ({people:,} candidates × {posts:,} posts in scope{pairs_en}). "
        "Narrow the scenario's lingkup (lingkup.opd: the OPDs to plan; lingkup.jenis_jabatan: "
        "e.g. [JPT_PRATAMA, ADMINISTRATOR]), solve per instansi, or run on a machine with more "
        "memory",
    ),
    "RUN_MEMORI_PASANGAN": Template(
        ", {pairs_id} pasangan yang memenuhi syarat", ", {pairs:,} eligible pairs"
    ),
    "RUN_MEMORI_TAHAP_KELAYAKAN": Template(
        "menyusun pasangan yang memenuhi syarat", "building the eligible pairs"
    ),
    "RUN_MEMORI_TAHAP_MODEL": Template("menyusun model", "building the model"),
    "RUN_MEMORI_TAHAP_SOLVER": Template("menyelesaikan model", "solving the model"),
    "RUN_MEMORI_TAHAP_RENCANA": Template("menyusun tabel rencana", "building the plan tables"),
    "CLI_MEMORI_TIDAK_CUKUP": Template(
        "Error [MEMORI_TIDAK_CUKUP]: memori komputer tidak cukup untuk data sebesar ini; tidak "
        "ada file keluaran yang ditulis. Persempit lingkup di skenario (lingkup.opd, "
        "lingkup.jenis_jabatan), selesaikan per instansi, atau pakai komputer dengan memori "
        "lebih besar.",
        "Error [MEMORI_TIDAK_CUKUP]: out of memory for data this size; no output file was "
        "written. Narrow the scenario's lingkup (lingkup.opd, lingkup.jenis_jabatan), solve per "
        "instansi, or use a machine with more memory.",
    ),
    "CLI_AUDIT_GAGAL": Template(
        "Error: Audit rencana gagal; rencana tidak ditulis. Ini adalah bug: laporkan.",
        "Error: The plan failed its audit; no plan was written. This is a bug: please report it.",
    ),
    # the solve run's notices (placement/workflow/run.py)
    "RUN_SISA_DIHAPUS": Template(
        "Sisa run yang terhenti di {out} dihapus (bisa berisi data pribadi): {names}",
        "Removed what a stopped run left in {out} (may hold personal data): {names}",
    ),
    "RUN_KELUARAN_LAMA_DIHAPUS": Template(
        "Dihapus dari {out}, ditulis run sebelumnya dan bukan bagian rencana ini: {names}",
        "Removed from {out}, written by an earlier run and not part of this plan: {names}",
    ),
}
TEMPLATES |= {
    name: Template(*pair)
    for part in PARTS
    for name, pair in (part.ERRORS | part.WARNINGS | part.SHARED | part.TEXTS).items()
}


ERRORS: frozenset[str] = frozenset(
    {
        "MEMORI_TIDAK_CUKUP",
        "SKENARIO_TIDAK_ADA",
        "SKENARIO_TIDAK_TERBACA",
        "SKENARIO_YAML_TERLALU_BESAR",
        "SKENARIO_YAML",
        "SKENARIO_KUNCI",
        "SKENARIO_VARIAN",
        "FOLDER_KELUARAN_ASING",
        "GAGAL_MENULIS",
        "DATA_TIDAK_DISEBUT",
        "KUNCI_FILE_TIDAK_TERBACA",
        "KUNCI_KOLOM_HILANG",
        "HASIL_TIDAK_ADA",
        "SOTK_TIDAK_ADA",
        "SOTK_TIDAK_TERBACA",
        "SOTK_KOSONG",
        "SOTK_KOLOM_HILANG",
        "SOTK_JABATAN_KOSONG",
        "SOTK_PERUBAHAN",
        "SOTK_TANGGAL",
        "SOTK_JABATAN_TIDAK_ADA",
        "SOTK_GANDA",
        *(code for part in PARTS for code in part.ERRORS),
    }
)
"""Codes outside the data's code table (domain/validate/codes.py, the table of
docs/data_format.md): always errors, about the scenario or the run rather than the data."""


WARNINGS: frozenset[str] = frozenset(
    {
        "STANDAR_BAWAAN",
        "KOMPETENSI_KOSONG",
        "BOBOT_JUMLAH",
        "PRIORITAS_TANPA_NILAI",
        "TEKNIS_DITURUNKAN",
        "PENALTI_RUMPUN_RENDAH",
        "SOTK_SUDAH_ADA",
        *(code for part in PARTS for code in part.WARNINGS),
    }
)
"""Codes outside the data's code table that are always warnings (the scoring's, SOTK, the SIASN
import's)."""


SHARED: frozenset[str] = frozenset(name for part in PARTS for name in part.SHARED)
"""Templates of the parts named apart from their code (``template=`` of :func:`issue`)."""


NOTICES: frozenset[str] = frozenset(
    name
    for name in TEMPLATES
    if name.startswith(("KONFLIK_", "CLI_", "RUN_")) and name not in ERRORS
) | frozenset(name for part in PARTS for name in part.TEXTS)
"""Messages that are not located issues: the infeasibility diagnosis, the command line's error
output, the solve run's notices, the parts' :data:`TEXTS` (reasons filled into another message,
notes); filled by :func:`texts` or :func:`text`."""


SHOWN: frozenset[str] = frozenset(name for name in TEMPLATES if name.startswith("TAMPIL_"))
"""Templates of the rule checks' display values (actual value and threshold of an explanation):
not codes, filled by :func:`texts` (rules/shown.py)."""


FINDINGS: frozenset[str] = frozenset(
    {
        "OBJEKTIF_BERBEDA",
        "PELONGGARAN_TIDAK_SAH",
        "NIP_TIDAK_DIKENAL",
        "PEGAWAI_GANDA",
        "JABATAN_DI_LUAR_LINGKUP",
        "PEMEGANG_GANDA",
        "TIDAK_MEMENUHI_SYARAT",
        "BARIS_HILANG",
        "NON_JOB_TIDAK_DIIZINKAN",
        "WAJIB_ISI_KOSONG",
        "KUNCI_DILANGGAR",
        "LARANGAN_DILANGGAR",
        "WAJIB_PINDAH_DILANGGAR",
        "PERTAHANKAN_DILANGGAR",
        "BATAS_TOTAL_DILANGGAR",
        "BATAS_OPD_DILANGGAR",
    }
)
"""Codes of the plan audit's findings (placement/plan/audit.py): no severity, every finding
fails the audit; their templates are here under the code."""


def texts(name: str, /, **fields: object) -> tuple[str, str]:
    """The Indonesian and English text of template ``name`` filled with ``fields`` (a message
    that is not a located issue: a record's note, a finding's text)."""
    text = TEMPLATES[name]
    return text.id.format(**fields), text.en.format(**fields)


def text(name: str, lang: str, /, **fields: object) -> str:
    """The text of template ``name`` in ``lang`` ("en", else Bahasa Indonesia)."""
    return texts(name, **fields)[1 if lang == "en" else 0]


NOWHERE = Where("")
"""No file: an error about the command or the run rather than a file."""


def issue(code: str, where: Where, /, template: str | None = None, **fields: object) -> Issue:
    """The located Issue of ``code``: its severity from the code table (or :data:`ERRORS` /
    :data:`WARNINGS`), its messages from its template (``template``: a shared one, e.g.
    LABEL_TIDAK_DIKENAL) filled with ``fields``."""
    if code in ERRORS:
        severity = Severity.ERROR
    elif code in WARNINGS:
        severity = Severity.WARNING
    else:
        # at call time, and only for the data's codes: validate imports this module, and the
        # scenario's errors are raised in a lean child process (the UI's parse) that must not
        # load pandas through domain/validate
        from placement.domain.validate.codes import CODES

        severity = CODES[code].severity
    return _located(code, where, template, severity, fields)


def failure(
    code: str, where: Where = NOWHERE, /, template: str | None = None, **fields: object
) -> PlacementError:
    """The user error (PlacementError) of one located error ``code``, its texts as in
    :func:`issue`: always an error, whatever the code's severity elsewhere."""
    return PlacementError([_located(code, where, template, Severity.ERROR, fields)])


def caution(code: str, where: Where, /, template: str | None = None, **fields: object) -> Issue:
    """:func:`issue` as a warning, for a code that is an error elsewhere (a scenario's edit that
    names a person or post the data lacks: the edit has no effect)."""
    return _located(code, where, template, Severity.WARNING, fields)


def _located(
    code: str, where: Where, template: str | None, severity: Severity, fields: dict[str, object]
) -> Issue:
    message_id, message_en = texts(template or code, **fields)
    return Issue(where.file, where.row, where.column, code, severity, message_id, message_en)


__all__ = [
    "ERRORS",
    "FINDINGS",
    "NOTICES",
    "NOWHERE",
    "PARTS",
    "SHARED",
    "SHOWN",
    "TEMPLATES",
    "WARNINGS",
    "Template",
    "Where",
    "caution",
    "failure",
    "issue",
    "text",
    "texts",
]
