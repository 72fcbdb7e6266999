"""User-facing messages outside Qt (command line, importer problems, store errors), Thai and English.

Qt widgets translate with self.tr(); everything below the views uses this catalogue, so that a
command-line run with --lang en and a Thai GUI both read naturally.
"""

from __future__ import annotations

_LANG = "th"

CATALOGUE: dict[str, tuple[str, str]] = {
    # store
    "wrong_passphrase": (
        "รหัสผ่านฐานข้อมูลไม่ถูกต้อง: ไม่ได้เปิดหรือเปลี่ยนแปลงข้อมูลใด ๆ กรุณาลองใหม่",
        "Wrong database passphrase: nothing was opened or changed. Please try again.",
    ),
    "not_a_store": (
        "ไฟล์ {path} ไม่ใช่ฐานข้อมูลของ BMN Field Desk หรือไฟล์เสียหาย",
        "{path} is not a BMN Field Desk store, or it is damaged.",
    ),
    "store_missing": (
        "ไม่พบฐานข้อมูล {path}: สร้างด้วยคำสั่ง demo หรือ import ก่อน",
        "No store at {path}: create one with the demo or import command first.",
    ),
    "passphrase_needed": (
        "ต้องใช้รหัสผ่านฐานข้อมูล: ตั้งค่าตัวแปร BMN_DB_PASSPHRASE หรือพิมพ์เมื่อระบบถาม",
        "A database passphrase is needed: set BMN_DB_PASSPHRASE or type it when asked.",
    ),
    "passphrase_too_short": (
        "รหัสผ่านต้องยาวอย่างน้อย {n} ตัวอักษร",
        "The passphrase must be at least {n} characters long.",
    ),
    "disk_full": (
        "พื้นที่ดิสก์เต็ม: ไม่ได้บันทึกสิ่งใด ข้อมูลเดิมยังอยู่ครบ กรุณาเพิ่มพื้นที่แล้วลองใหม่",
        "The disk is full: nothing was saved and the store is as it was. Free some space and retry.",
    ),
    "backup_made": ("สำรองฐานข้อมูลเดิมไว้ที่ {path} ก่อนปรับรุ่น", "Backed up the store to {path} before upgrading it."),
    "cancelled": ("ยกเลิกแล้ว: ไม่มีการเปลี่ยนแปลงข้อมูล", "Cancelled: the store is unchanged."),
    # import
    "imp_ok": (
        "นำเข้าสำเร็จ: {households:,} ครัวเรือน {members:,} คน ใน {villages:,} หมู่บ้าน (แทนที่ฉบับเดิม {replaced:,} ครัวเรือน)",
        "Imported: households {households:,}, members {members:,}, villages {villages:,}"
        " (earlier records replaced: {replaced:,}).",
    ),
    "imp_failed": (
        "พบปัญหา {n:,} รายการ จึงไม่ได้นำเข้าข้อมูลใดเลย แก้ไขไฟล์แล้วนำเข้าใหม่",
        "Problems found: {n:,}. Nothing was imported: fix the file and import it again.",
    ),
    "imp_more": ("... และอีก {n:,} รายการ (ดูทั้งหมดด้วย --report FILE)", "... and {n:,} more (see all with --report FILE)"),
    "imp_unknown_file": (
        "ไม่ทราบชนิดของไฟล์: ไม่พบคอลัมน์ของแฟ้มครัวเรือนหรือแฟ้มสมาชิก",
        "Unknown file: it has neither the household nor the member columns.",
    ),
    "imp_read_error": ("อ่านไฟล์ไม่ได้: {error}", "Cannot read the file: {error}"),
    "imp_encoding": (
        "อ่านไฟล์ไม่ได้ทั้งแบบ UTF-8 และ Windows-874 (cp874): บันทึกไฟล์ใหม่เป็น UTF-8",
        "The file is neither UTF-8 nor Windows-874 (cp874): save it again as UTF-8.",
    ),
    "imp_missing_column": ("ไม่มีคอลัมน์ที่จำเป็น: {column}", "Required column missing: {column}"),
    "imp_required": ("ต้องมีค่า", "a value is required"),
    "imp_not_int": ("ต้องเป็นจำนวนเต็ม (ได้ '{value}')", "must be a whole number (got '{value}')"),
    "imp_negative": ("ต้องไม่ติดลบ (ได้ '{value}')", "must not be negative (got '{value}')"),
    "imp_bad_pid": (
        "เลขประจำตัวประชาชน '{value}' ไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)",
        "national ID '{value}' is invalid (13 digits with a correct check digit)",
    ),
    "imp_bad_house_code": (
        "รหัสประจำบ้าน '{value}' ต้องมี 11 หลักและขึ้นต้นด้วยรหัสจังหวัด {province}",
        "house code '{value}' must have 11 digits and start with the province code {province}",
    ),
    "imp_bad_village": (
        "รหัสหมู่บ้าน '{value}' ไม่ถูกต้อง: ต้องเป็นรหัสตำบล 6 หลักที่มีอยู่จริง ตามด้วยเลขหมู่ 2 หลัก",
        "village code '{value}' is invalid: an existing 6-digit tambon code followed by a 2-digit หมู่",
    ),
    "imp_bad_date": (
        "วันที่ '{value}' ไม่ถูกต้อง (ใช้ วว/ดด/ปปปป พ.ศ. หรือ ปปปป-ดด-วว)",
        "date '{value}' is invalid (use dd/mm/yyyy B.E. or yyyy-mm-dd)",
    ),
    "imp_future_date": ("วันเกิด '{value}' อยู่ในอนาคต", "birth date '{value}' is in the future"),
    "imp_bad_choice": ("ค่า '{value}' ไม่อยู่ในรายการที่รับได้ ({choices})", "'{value}' is not one of {choices}"),
    "imp_bad_answer": ("คำตอบตัวชี้วัด '{value}' ไม่ถูกต้อง", "indicator answer '{value}' is invalid"),
    "imp_dup_house": ("รหัสประจำบ้าน {value} ซ้ำกับแถว {other}", "house code {value} repeats row {other}"),
    "imp_dup_pid": ("เลขประจำตัวประชาชน {value} ซ้ำ ({other})", "national ID {value} appears twice ({other})"),
    "imp_orphan_member": (
        "สมาชิกอ้างถึงรหัสประจำบ้าน {value} ที่ไม่มีในแฟ้มครัวเรือน",
        "member points to house code {value}, which is not in the household file",
    ),
    "imp_no_members": ("ครัวเรือน {value} ไม่มีสมาชิกในแฟ้มสมาชิก", "household {value} has no members in the member file"),
    "imp_year_mismatch": ("ปีสำรวจ {value} ไม่ตรงกับ --year {year}", "survey year {value} does not match --year {year}"),
    "imp_bad_year": ("ปีสำรวจ {value} ไม่มีชุดตัวชี้วัด", "survey year {value} has no indicator set"),
    "imp_no_households": ("ไม่มีแฟ้มครัวเรือนในการนำเข้านี้", "No household file was given."),
    "imp_no_member_file": (
        "ไม่มีแฟ้มสมาชิกในการนำเข้านี้: นำเข้าแฟ้มครัวเรือนพร้อมแฟ้มสมาชิก",
        "No member file was given: import the household file together with its member file.",
    ),
    "imp_no_file": ("ไม่พบไฟล์ {path}", "File not found: {path}"),
    "imp_unsupported": (
        "ไม่รองรับไฟล์ชนิดนี้ (.xls รุ่นเก่า หรือไฟล์ Excel ที่ตั้งรหัสผ่าน): บันทึกเป็น .xlsx ที่ไม่มีรหัสผ่าน หรือ .csv ก่อน",
        "Unsupported file (old .xls, or a password-protected workbook): save it as .xlsx without a password, or .csv.",
    ),
    "imp_empty": ("ไฟล์ไม่มีแถวข้อมูล", "The file has no data rows."),
    "imp_dup_column": ("คอลัมน์ {column} ซ้ำกัน", "Column {column} appears twice."),
    "imp_unknown_answer": (
        "คอลัมน์คำตอบ {column} ไม่มีในชุดตัวชี้วัดของปีสำรวจ {year}",
        "Answer column {column} is not in the indicator set of survey year {year}.",
    ),
    "imp_mixed_years": (
        "ปีสำรวจ {value} ไม่ตรงกับปี {year} ของแถวข้อมูลแรก: นำเข้าทีละปีสำรวจ",
        "survey year {value} differs from {year} in the first data row: import one survey year at a time",
    ),
    "imp_range": ("ต้องอยู่ระหว่าง {lo} ถึง {hi} (ได้ '{value}')", "must be between {lo} and {hi} (got '{value}')"),
    "imp_dup_seq": (
        "ลำดับสมาชิก {value} ซ้ำในครัวเรือน {house}",
        "member number {value} appears twice in household {house}",
    ),
    "imp_lao_kind": (
        "ประเภท อปท. '{value}' ไม่ถูกต้อง (เทศบาล หรือ อบต.)",
        "local-government type '{value}' is invalid (เทศบาล or อบต.)",
    ),
    "imp_row_at": ("แถว {row}", "row {row}"),
    "imp_row_in": ("แถว {row} ใน {file}", "row {row} in {file}"),
    "imp_problem_line": ("{file} แถว {row} คอลัมน์ {column}: {message}", "{file} row {row}, column {column}: {message}"),
    "imp_problem_file": ("{file}: {message}", "{file}: {message}"),
    "imp_progress": ("กำลังนำเข้า", "Importing"),
    "imp_batch": ("ชุดนำเข้าที่ {import_id} ปีสำรวจ {year}", "Import batch {import_id}, survey year {year}"),
    "imp_report_written": ("บันทึกรายการปัญหาไว้ที่ {path}", "Problem list written to {path}"),
    # export
    "exp_bad_area": (
        "รหัสพื้นที่ '{area}' ไม่ถูกต้อง: ใช้รหัสจังหวัด 2 หลัก อำเภอ 4 หลัก ตำบล 6 หลัก หรือหมู่บ้าน 8 หลัก",
        "Area code '{area}' is invalid: use a 2-digit province, 4-digit district, 6-digit tambon or 8-digit village code.",
    ),
    "exp_no_year": ("ยังไม่มีข้อมูลครัวเรือนในฐานข้อมูล", "The store has no households yet."),
    "exp_no_survey": ("ไม่มีข้อมูลปีสำรวจ {year} ในฐานข้อมูล", "The store has no survey year {year}."),
    "exp_no_data": (
        "ไม่มีครัวเรือนในพื้นที่ {area} ปีสำรวจ {year}: ไม่ได้เขียนไฟล์",
        "No households in area {area} for survey year {year}: no file was written.",
    ),
    "exp_bad_format": ("รูปแบบไฟล์ '{fmt}' ไม่รองรับ (csv หรือ xlsx)", "Unsupported format '{fmt}' (csv or xlsx)."),
    "exp_done": (
        "ส่งออก {households:,} ครัวเรือน {members:,} คน (ข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล) ไปที่ {paths}",
        "Exported: households {households:,}, members {members:,} (personal data: keep it safe under the PDPA) to {paths}",
    ),
    "exp_write_error": ("เขียนไฟล์ไม่ได้: {error}", "Cannot write the file: {error}"),
    # demo
    "demo_no_province": (
        "ไม่พบจังหวัดรหัส {code} ในฐานข้อมูล (ใช้รหัสจังหวัด 2 หลัก เช่น 52 = ลำปาง)",
        "No province with code {code} in the store (use a 2-digit code, e.g. 52 = Lampang).",
    ),
    "demo_bad_size": ("{what} ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป", "{what} must be a whole number of at least 1."),
    # audit
    "audit_ok": ("ห่วงโซ่บันทึกการใช้งานสมบูรณ์: {n:,} รายการ", "Audit chain intact: {n:,} entries."),
    "audit_broken": (
        "ห่วงโซ่บันทึกการใช้งานขาดที่รายการที่ {seq}: {reason}",
        "Audit chain broken at entry {seq}: {reason}",
    ),
}


def set_language(lang: str) -> None:
    global _LANG
    _LANG = "en" if lang == "en" else "th"


def language() -> str:
    return _LANG


def msg(key: str, **values: object) -> str:
    th, en = CATALOGUE[key]
    text = en if _LANG == "en" else th
    return text.format(**values) if values else text


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add a feature's messages (Thai, English) at its import; keys must be new, so features cannot collide."""
    clash = set(entries) & set(CATALOGUE)
    if clash:
        raise KeyError(f"message keys already defined: {sorted(clash)}")
    CATALOGUE.update(entries)


def problems_text(header_key: str, problems: list[str]) -> str:
    """A header and one problem a line: how every error that lists what is wrong reads."""
    return msg(header_key) + "\n" + "\n".join(f"- {p}" for p in problems)
