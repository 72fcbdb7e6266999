"""Messages of the certification feature (certify, re-open, verify, `main.py certify` and friends): Thai and
English pairs, registered with desktop.messages at import. The rosters', the lock's and the form file's own
messages are registered by desktop/models/roster.py, desktop/models/locks.py and
desktop/reports/certificate_pdf.py. Labels printed on the form (levels, roles, statuses) stay Thai and live
beside their documents."""

from __future__ import annotations

from desktop import messages
from desktop.models import roster as rosters

messages.register({
    # certify and re-open (desktop/certify/certification.py)
    "cert_not_found": ("ไม่พบการรับรองรหัส {uuid}", "No certification {uuid}."),
    "cert_lao_no_villages": ("อปท. {code} ไม่มีหมู่บ้านในฐานข้อมูล", "LAO {code} has no villages in the store."),
    "cert_no_year": ("ไม่มีข้อมูลปีสำรวจ {year} ในฐานข้อมูล", "No survey year {year} in the store."),
    "cert_no_households": ("ไม่มีครัวเรือนในพื้นที่ {code} ปีสำรวจ {year}",
                           "No households in area {code} for survey year {year}."),
    "cert_already": ("พื้นที่นี้รับรองแล้ว (รหัส {short}): ต้องยกเลิกการรับรองก่อนจึงจะรับรองใหม่ได้",
                     "This area is certified already (code {short}): re-open that certification before certifying"
                     " again"),
    "cert_no_roster": ("ยังไม่มีรายชื่อคณะทำงานของพื้นที่นี้ (บันทึกคณะทำงานก่อน)",
                       "This area has no working-group roster yet (save the roster first)"),
    "cert_cannot_certify": ("รับรองข้อมูลไม่ได้:", "Cannot certify:"),
    "cert_not_on_roster": ("ไม่มีในรายชื่อคณะทำงาน: {members}", "Not on the roster: {members}"),
    "cert_nobody_present": ("ต้องมีคณะทำงานที่เข้าร่วมอย่างน้อย 1 คน",
                            "At least one member of the working group must be present"),
    "cert_children_missing": ("ยังไม่ได้รับรองพื้นที่ระดับล่าง: {areas}"
                              " (รับรองพื้นที่ระดับล่างก่อน หรือระบุเหตุผลเพื่อรับรองโดยยกเว้น)",
                              "Child areas not certified yet: {areas} (certify them first, or give a reason to"
                              " certify by exception)"),
    "cert_place_too_long": ("สถานที่ยาวเกินไป", "The place is too long"),
    "cert_cannot_reopen": ("ยกเลิกการรับรองไม่ได้:", "Cannot re-open the certification:"),
    "cert_reopened_already": ("การรับรองนี้ถูกยกเลิกไปแล้ว", "This certification was re-opened already"),
    "cert_reopen_reason": ("ต้องระบุเหตุผลของการยกเลิกการรับรอง", "Give the reason for re-opening the certification"),
    "cert_reopen_not_allowed": ("ผู้ใช้ระดับ{level_th} พื้นที่ {area} ยกเลิกการรับรองของ {code} ไม่ได้"
                                " (ต้องเป็นระดับเดียวกันหรือสูงกว่า และดูแลพื้นที่นั้น)",
                                "A {level} user of area {area} cannot re-open the certification of {code}"
                                " (it takes the same level or above, responsible for that area)"),
    "cert_reopen_parent_first": ("พื้นที่ {code} ระดับบนรับรองไว้แล้ว (รหัส {short}): ยกเลิกการรับรองนั้นก่อน",
                                 "The higher-level area {code} is certified (code {short}): re-open that"
                                 " certification first"),
    # verify (desktop/certify/check.py)
    "cert_bad_qr": ("อ่านรหัส QR ของใบรับรองไม่ได้", "The certificate's QR content cannot be read."),
    "cert_bad_short_code": ("รหัสยืนยัน '{code}' ไม่ถูกต้อง (8 ตัวอักษร หรือข้อความจาก QR)",
                            "'{code}' is not a valid short code (8 characters, or the QR content)."),
    # `main.py certify`, `verify`, `certification`, `roster` (desktop/cli/certify.py)
    "cert_preview": (
        "{area} ({code}) ปีสำรวจ {year}: {households:,} ครัวเรือน {persons:,} คน (ชาย {male:,} หญิง {female:,})"
        " {villages:,} หมู่บ้าน ตัวชี้วัดไม่ผ่าน {failed} จาก {indicators} ตัวชี้วัด รายได้เฉลี่ย {income:,} บาท/คน/ปี",
        "{area} ({code}) survey year {year}: households {households:,}, persons {persons:,} (male {male:,},"
        " female {female:,}), villages {villages:,}, indicators failed {failed} of {indicators}, average income"
        " {income:,} baht per person per year",
    ),
    "cert_open_items": (
        "การแก้ไขที่ยังไม่ยืนยัน {open:,} รายการ ครัวเรือนที่ยังไม่ตรวจสอบ {unreviewed:,} ครัวเรือน",
        "Open corrections: {open:,}; households not reviewed: {unreviewed:,}",
    ),
    "cert_missing": ("พื้นที่ระดับล่างที่ยังไม่รับรอง: {areas}", "Child areas not certified yet: {areas}"),
    "cert_done": (
        "รับรองข้อมูลแล้ว: รหัสยืนยัน {short} (การรับรอง {uuid}) ครอบคลุม {households:,} ครัวเรือน",
        "Certified: short code {short} (certification {uuid}); households covered: {households:,}",
    ),
    "cert_written": ("พิมพ์ใบรับรองไปที่ {path}", "Certificate written to {path}"),
    "cert_reopened": ("ยกเลิกการรับรอง {uuid} แล้ว: ต้องรับรองใหม่", "Certification {uuid} re-opened: certify again"),
    "cert_verify_ok": (
        "ข้อมูลยังตรงกับที่รับรอง: {area} ปี {year} รหัส {short} ({status})",
        "The data is as certified: {area} {year}, code {short} ({status})",
    ),
    "cert_verify_changed": (
        "ข้อมูลเปลี่ยนไปจากที่รับรอง: {area} ปี {year} รหัส {short}: {n:,} ครัวเรือน",
        "The data has changed since it was certified: {area} {year}, code {short}; households changed: {n:,}",
    ),
    "cert_verify_unknown": (
        "ไม่พบการรับรองรหัส {code} ในฐานข้อมูลนี้ (ใช้ข้อความจาก QR เพื่อตรวจกับข้อมูลในเครื่องนี้)",
        "No certification with code {code} in this store (use the QR content to check against the data here)",
    ),
    "cert_verify_qr_matches": (
        "การรับรองนี้ไม่อยู่ในฐานข้อมูลนี้ แต่ข้อมูลของ {area} ปี {year} ในเครื่องนี้ตรงกับลายนิ้วมือใน QR",
        "This certification is not in this store; the data of {area} {year} here matches the QR's fingerprint",
    ),
    "cert_verify_qr_differs": (
        "การรับรองนี้ไม่อยู่ในฐานข้อมูลนี้ แต่ข้อมูลของ {area} ปี {year} ในเครื่องนี้ไม่ตรงกับลายนิ้วมือใน QR",
        "This certification is not in this store; the data of {area} {year} here differs from the QR's fingerprint",
    ),
    "cert_change_changed": ("ข้อมูลเปลี่ยน", "changed"),
    "cert_change_added": ("ครัวเรือนใหม่", "new household"),
    "cert_change_removed": ("ครัวเรือนหายไป", "household gone"),
    "cert_changed_household": ("ครัวเรือน {household} หมู่บ้าน {village} บ้านเลขที่ {house_no}",
                               "household {household}, village {village}, house no. {house_no}"),
    "cert_changed_member": ("สมาชิก {seq} ", "member {seq} "),
    "cert_roster_saved": ("บันทึกคณะทำงานแล้ว: {uuid}", "Roster saved: {uuid}"),
})

# names on screen and on the command line (the form itself keeps the Thai labels of its documents)
messages.register({
    "cert_status_active": ("รับรองแล้ว", "certified"),
    "cert_status_superseded": ("ยกเลิกการรับรองแล้ว (รอรับรองใหม่)", "re-opened (to be certified again)"),
    "cert_board_certified": ("รับรองแล้ว", "certified"),
    "cert_board_stale": ("ข้อมูลเปลี่ยนหลังรับรอง", "changed since certified"),
    "cert_board_reopened": ("ยกเลิกการรับรองแล้ว รอรับรองใหม่", "re-opened: certify again"),
    "cert_board_missing": ("ยังไม่รับรอง", "not certified"),
})

problems_text = messages.problems_text
msg = messages.msg


def status_name(status: str) -> str:
    """A certification's status (active / superseded) in the user's language."""
    return msg(f"cert_status_{status}")


def board_name(state: str) -> str:
    """A board state (certified / stale / reopened / missing) in the user's language."""
    return msg(f"cert_board_{state}")


role_name = rosters.role_name  # a roster role in the user's language
