"""Messages of the monitoring feature (visits, back-checks, settings, `main.py visits`): Thai and English pairs,
registered with desktop.messages at import. Texts printed on paper (sheets, report, correction reasons) stay
Thai and live beside their documents."""

from __future__ import annotations

from desktop import messages

messages.register({
    # visits
    "mon_visit_failed": ("บันทึกการติดตามไม่ได้:", "The visit cannot be saved:"),
    "mon_bad_level": ("ระดับการติดตามต้องเป็น district (อำเภอ) หรือ province (จังหวัด) (ได้ '{value}')",
                      "The level must be district or province (got '{value}')."),
    "mon_bad_area": ("รหัสพื้นที่ของหน่วยที่ติดตามต้องมี {n} หลัก (ได้ '{value}')",
                     "The visiting office's area code must have {n} digits (got '{value}')."),
    "mon_visit_too_far": ("วันที่ติดตาม {date} อยู่ในอนาคตเกิน 1 ปี", "The visit date {date} is more than a year ahead."),
    "mon_bad_visit_date": ("อ่านวันที่ติดตาม '{value}' ไม่ได้ (ใช้ วว/ดด/ปปปป พ.ศ. หรือ ปปปป-ดด-วว)",
                           "Cannot read the visit date '{value}' (use DD/MM/YYYY in the Buddhist era or YYYY-MM-DD)."),
    "mon_no_villages": ("ต้องระบุหมู่บ้านที่ไปติดตามอย่างน้อย 1 หมู่บ้าน", "Name at least one village visited."),
    "mon_unknown_village": ("ไม่พบหมู่บ้านรหัส {code} ในข้อมูลปี {year}", "No village {code} in the {year} data."),
    "mon_village_outside": ("หมู่บ้าน {code} ไม่อยู่ในพื้นที่ {area}", "Village {code} is not inside area {area}."),
    "mon_no_visitors": ("ต้องระบุผู้ติดตามอย่างน้อย 1 คน", "Name at least one visitor."),
    "mon_unknown_check": ("ไม่มีรายการตรวจสอบ '{item}' ในค่าตั้ง", "No checklist item '{item}' in the settings."),
    "mon_bad_check": ("รายการตรวจสอบ '{item}' ต้องเป็น ใช่/ไม่ใช่/ว่าง", "Checklist item '{item}' must be yes, no or empty."),
    "mon_visit_missing": ("ไม่พบการติดตาม {visit}", "No visit {visit}."),
    "mon_superseded": ("รายการนี้ถูกแก้ไขไปแล้ว: แก้ไขจากฉบับล่าสุด",
                       "This version was corrected already: correct the latest one."),
    # samples and answers
    "mon_sample_exists": ("การติดตามนี้สุ่มตัวอย่างไว้แล้ว (ใช้ตัวเลือกสุ่มใหม่ถ้าต้องการสุ่มใหม่)",
                          "This visit has its sample already (use the redraw option to draw again)."),
    "mon_redraw_answered": ("สุ่มใหม่ไม่ได้: บันทึกผลการตรวจสอบซ้ำของตัวอย่างเดิมไปแล้ว",
                            "Cannot redraw: back-check answers of the sample were entered already."),
    "mon_no_sample": ("ไม่พบตัวอย่างของการติดตาม {visit}", "Visit {visit} has no sample."),
    "mon_answer_failed": ("บันทึกผลการตรวจสอบซ้ำไม่ได้:", "The back-check answers cannot be saved:"),
    "mon_not_in_sample": ("ครัวเรือน {household} ไม่อยู่ในตัวอย่างของการติดตามนี้",
                          "Household {household} is not in this visit's sample."),
    "mon_no_checker": ("ต้องระบุชื่อผู้ตรวจสอบซ้ำ", "Name who re-asked."),
    "mon_asked_future": ("วันที่ตรวจสอบซ้ำ {date} อยู่ในอนาคต", "The re-interview date {date} is in the future."),
    "mon_bad_asked_date": ("อ่านวันที่ตรวจสอบซ้ำ '{value}' ไม่ได้", "Cannot read the re-interview date '{value}'."),
    "mon_unknown_item": ("ไม่รู้จักรายการ '{item}'", "Unknown item '{item}'."),
    "mon_no_answers": ("ยังไม่ได้กรอกคำตอบใด ๆ", "No answer was filled in."),
    "mon_not_latest_answer": ("แก้ไขได้เฉพาะคำตอบฉบับล่าสุดของครัวเรือนนี้",
                              "Only the latest answers of this household can be corrected."),
    "mon_bad_yes_no": ("{item}: ต้องเป็น 1 (ใช่) หรือ 0 (ไม่ใช่) (ได้ '{value}')", "{item}: must be 1 (yes) or 0 (no) (got '{value}')."),
    "mon_bad_number": ("{item}: ต้องเป็นจำนวนเต็มไม่ติดลบ (ได้ '{value}')", "{item}: must be a whole number, not negative (got '{value}')."),
    "mon_age_too_high": ("{item}: อายุเกิน {n} ปี", "{item}: older than {n} years."),
    "mon_count_too_high": ("{item}: จำนวนเกิน 99", "{item}: more than 99."),
    "mon_answer_missing": ("ไม่พบผลการตรวจสอบซ้ำ {answer} (หรือมีฉบับแก้ไขที่ใหม่กว่า)",
                           "No back-check answer {answer} (or a newer version replaced it)."),
    "mon_nothing_to_correct": ("ไม่มีรายการที่สร้างการแก้ไขได้อัตโนมัติ", "Nothing here can become a correction automatically."),
    "mon_by_hand": ("แก้ไขเองในหน้าต่างแก้ไขข้อมูล: {items}", "correct by hand in the correction dialog: {items}"),
    # settings
    "mon_settings_invalid": ("ค่าตั้งการติดตามไม่ถูกต้อง:", "The monitoring settings are not valid:"),
    "mon_settings_not_object": ("ค่าตั้งการติดตามต้องเป็นออบเจ็กต์ JSON", "The monitoring settings must be a JSON object."),
    "mon_settings_file": ("อ่านไฟล์ค่าตั้ง {path} ไม่ได้: {error}", "Cannot read the settings file {path}: {error}"),
    "mon_set_unknown": ("ไม่รู้จักค่าตั้ง '{item}'", "Unknown setting '{item}'."),
    "mon_set_checklist_shape": ("checklist: ต้องเป็นรายการของ [รหัส, ข้อความ]", "checklist: must be a list of [key, text]."),
    "mon_set_sample_mode": ("sample_mode: ต้องเป็น percent หรือ fixed", "sample_mode: must be percent or fixed."),
    "mon_set_percent": ("size_percent: ต้องอยู่ระหว่าง 0.1 ถึง 100", "size_percent: must be between 0.1 and 100."),
    "mon_set_positive": ("{name}: ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป", "{name}: must be a whole number of at least 1."),
    "mon_set_item": ("items: ไม่รู้จักรายการ '{item}'", "items: unknown item '{item}'."),
    "mon_set_tolerance": ("tolerances.{item}: ต้องเป็น {{\"abs\": จำนวน}} และ/หรือ {{\"pct\": ร้อยละ}} ไม่ติดลบ",
                          "tolerances.{item}: must be {{\"abs\": number}} and/or {{\"pct\": percent}}, not negative."),
    "mon_set_class": ("classes.{item}: ต้องเป็น 1, 2 หรือ 3", "classes.{item}: must be 1, 2 or 3."),
    "mon_set_aggregation": ("aggregation: ต้องเป็น items หรือ villages", "aggregation: must be items or villages."),
    "mon_set_visits": ("required_visits.{level}: ต้องเป็นจำนวนเต็มไม่ติดลบ",
                       "required_visits.{level}: must be a whole number, not negative."),
    "mon_set_kpi": ("kpi_target / kpi_warning: ร้อยละ 0-100 และ kpi_warning ไม่เกิน kpi_target",
                    "kpi_target / kpi_warning: percentages 0-100, kpi_warning not above kpi_target."),
    "mon_set_checklist_keys": ("checklist: รหัสต้องไม่ว่างและไม่ซ้ำกัน", "checklist: keys must be non-empty and unique."),
    # files
    "mon_sheets_no_sample": ("ยังไม่ได้สุ่มตัวอย่างของการติดตามนี้: สุ่มตัวอย่างก่อนพิมพ์แบบตรวจสอบ",
                             "This visit has no sample yet: draw it before printing the sheets."),
    "mon_sheets_empty": ("ไม่มีครัวเรือนในตัวอย่าง: ไม่มีแบบตรวจสอบให้พิมพ์", "The sample holds no household: no sheet to print."),
    "mon_write_error": ("เขียนไฟล์ไม่ได้: {error} เลือกโฟลเดอร์อื่นแล้วลองใหม่",
                        "Cannot write the file: {error}. Choose another folder and try again."),
    "mon_no_year": ("ไม่มีข้อมูลปี {year} ในฐานข้อมูล", "No {year} data in the store."),
    # main.py visits
    "mon_no_data": ("ยังไม่มีข้อมูลในฐานข้อมูล: นำเข้าข้อมูลก่อน", "The store holds no survey data yet: import first."),
    "mon_visit_not_found": ("ไม่พบการติดตาม '{ident}'", "No visit '{ident}'."),
    "mon_bad_check_arg": ("--check '{pair}': ใช้ KEY=yes หรือ KEY=no", "--check '{pair}': use KEY=yes or KEY=no."),
    "mon_logged": ("บันทึกการติดตามแล้ว: {visit} (รหัส {code}) {date} {n} หมู่บ้าน",
                   "Visit logged: {visit} (code {code}) {date}, {n} village(s)."),
    "mon_list_line": ("{code}  {date}  {level} {area}  {n} หมู่บ้าน  ตัวอย่าง {drawn}  ตรวจซ้ำแล้ว {answered}  {who}",
                      "{code}  {date}  {level} {area}  {n} village(s)  sample {drawn}  answered {answered}  {who}"),
    "mon_list_total": ("ปี {year}: {n} ครั้ง", "{year}: {n} visit(s)"),
    "mon_no_sample_yet": ("การติดตามนี้ยังไม่ได้สุ่มตัวอย่าง", "This visit has no sample yet."),
    "mon_verify_diff": ("หมู่บ้าน {village}: บันทึกไว้ {was} สุ่มซ้ำได้ {now}", "Village {village}: recorded {was}, redrawn {now}"),
    "mon_verify_mismatch": ("สุ่มซ้ำได้ตัวอย่างไม่ตรงกับที่บันทึก (ข้อมูลครัวเรือนของหมู่บ้านเปลี่ยนไปหลังการสุ่ม)",
                            "The redraw differs from the recorded sample (the village's households changed since)."),
    "mon_verify_same": ("สุ่มซ้ำด้วยเลขสุ่ม {seed} ได้ตัวอย่างเดียวกัน", "Redrawn with seed {seed}: the same sample."),
    "mon_sample_village": ("หมู่บ้าน {village}: {n} ครัวเรือน", "Village {village}: {n} household(s)"),
    "mon_sample_done": ("สุ่มตัวอย่างแล้ว {n} ครัวเรือน เลขสุ่ม (seed) {seed}", "Sample drawn: {n} household(s), seed {seed}."),
    "mon_sheets_done": ("พิมพ์แบบตรวจสอบซ้ำ {n} แผ่น ไปที่ {path}", "Wrote {n} back-check sheet(s) to {path}."),
    "mon_bad_pair": ("'{pair}': ใช้รูปแบบ ITEM=VALUE", "'{pair}': use ITEM=VALUE."),
    "mon_code_not_found": ("ไม่พบครัวเรือนตัวอย่างรหัส '{code}'", "No sampled household with code '{code}'."),
    "mon_answer_done": ("บันทึกผลตรวจสอบซ้ำแล้ว: ตรงกัน {matched}/{n} รายการ", "Back-check saved: {matched}/{n} items match."),
    "mon_answer_diff": ("  ไม่ตรง {item}: ข้อมูลเดิม {recorded} ตรวจซ้ำ {checked}", "  differs {item}: record {recorded}, re-asked {checked}"),
    "mon_bad_format": ("ระบุรูปแบบไฟล์ --format pdf หรือ xlsx", "Give the file format: --format pdf or xlsx."),
    "mon_report_done": ("เขียนรายงานไปที่ {path} (มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล)",
                        "Wrote the report to {path} (personal data: keep it safe under the PDPA)."),
    "mon_settings_loaded": ("บันทึกค่าตั้งจาก {path} แล้ว", "Settings loaded from {path}."),
})


def problems_text(header_key: str, problems: list[str]) -> str:
    """A header and one problem a line, the way every monitoring error lists what is wrong."""
    return messages.msg(header_key) + "\n" + "\n".join(f"- {p}" for p in problems)


msg = messages.msg
