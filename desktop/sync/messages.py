"""Messages of sync, bundles and the server commands, in Thai and English, registered in the one catalogue
(desktop.messages) under "sync_<key>"; `msg(key)` here reads them (the language follows --lang or BMN_LANG)."""

from __future__ import annotations

from desktop import messages

CATALOGUE: dict[str, tuple[str, str]] = {
    "offline": (
        "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ ({detail}) ข้อมูลยังอยู่ครบ จะส่งใหม่เมื่อเชื่อมต่อได้",
        "Cannot reach the server ({detail}). Your data is all still here and will be sent when the connection is back.",
    ),
    "retrying": ("การเชื่อมต่อขาด: ลองใหม่ครั้งที่ {attempt} ใน {seconds:.1f} วินาที",
                 "Connection dropped: retry {attempt} in {seconds:.1f} s"),
    "no_token": (
        "ยังไม่มีโทเค็นสำหรับ {server}: ใช้คำสั่ง sync login --server {server} --token ... หรือตั้งค่า BMN_SYNC_TOKEN",
        "No token for {server}: run sync login --server {server} --token ... or set BMN_SYNC_TOKEN.",
    ),
    "no_server": ("ยังไม่ได้ระบุเซิร์ฟเวอร์: ใช้ --server URL หรือตั้งค่า BMN_SYNC_SERVER",
                  "No server given: use --server URL or set BMN_SYNC_SERVER."),
    "bad_server": ("ที่อยู่เซิร์ฟเวอร์ไม่ถูกต้อง: {server} (เช่น https://bmn.province.example)",
                   "Not a server address: {server} (for example https://bmn.province.example)"),
    "token_saved": ("บันทึกโทเค็นสำหรับ {server} ไว้ในที่เก็บรหัสผ่านของระบบแล้ว",
                    "Token for {server} saved in the system keyring."),
    "no_keyring": (
        "เครื่องนี้ไม่มีที่เก็บรหัสผ่านของระบบ: ตั้งค่า BMN_SYNC_TOKEN แทน",
        "This machine has no system keyring: set BMN_SYNC_TOKEN instead.",
    ),
    "unauthorized": ("เซิร์ฟเวอร์ไม่ยอมรับโทเค็น: ขอโทเค็นใหม่จากผู้ดูแลแล้วใช้ sync login",
                     "The server refused the token: ask the administrator for a new one and run sync login."),
    "forbidden": ("เซิร์ฟเวอร์ปฏิเสธ: {detail}", "The server refused: {detail}"),
    "server_error": ("เซิร์ฟเวอร์ตอบผิดพลาด ({status}): {detail} ข้อมูลยังอยู่ครบ",
                     "The server answered with an error ({status}): {detail}. Your data is all still here."),
    "protocol": ("เซิร์ฟเวอร์ใช้รูปแบบข้อมูลรุ่นอื่น ({detail}): ปรับรุ่นโปรแกรม",
                 "The server speaks another protocol version ({detail}): update the program."),
    "sync_cancelled": ("หยุดซิงก์แล้ว: ส่วนที่ส่ง/รับเสร็จแล้วบันทึกไว้ ส่วนที่เหลือจะทำต่อในครั้งถัดไป",
                       "Sync stopped: what was already sent or received is kept; the rest continues next time."),
    "stage_push": ("ส่งขึ้น", "Sending"),
    "stage_pull": ("รับลง {area}", "Receiving {area}"),
    "stage_receipt": ("ตรวจรับ", "Checking"),
    "sync_done": (
        "ซิงก์เสร็จ: ส่งขึ้น {sent:,} รายการ (รับแล้ว {accepted:,} ขัดแย้ง {conflict:,} ปฏิเสธ {rejected:,}"
        " ต้องตรวจใหม่ {needs_recheck:,}) รับลง {received:,} ครัวเรือน (รวมข้อมูล {merged:,} ขัดแย้ง {conflicts:,})",
        "Sync done: sent {sent:,} events (accepted {accepted:,}, conflict {conflict:,}, rejected {rejected:,},"
        " needs re-check {needs_recheck:,}); received {received:,} households (merged {merged:,}, conflicts {conflicts:,}).",
    ),
    "receipt_equal": ("ใบตรวจรับ: ข้อมูลตรงกับเซิร์ฟเวอร์ทั้ง {n:,} หมู่บ้าน",
                      "Receipt: all {n:,} villages match the server."),
    "receipt_differs": (
        "ใบตรวจรับ: ตรงกัน {equal:,} หมู่บ้าน ต่างกัน {differ:,} หมู่บ้าน (เช่น {example}) ข้อมูลในเครื่องไม่ถูกลบ",
        "Receipt: {equal:,} villages match, {differ:,} differ (e.g. {example}); nothing was deleted here.",
    ),
    "open_conflicts": ("มีครัวเรือนที่ขัดแย้งรอการตัดสินใจ {n:,} ครัวเรือน (ดูด้วย sync conflicts)",
                       "{n:,} households have conflicts waiting for a decision (see sync conflicts)."),
    "preview": (
        "จะส่งขึ้น {up:,} รายการ {kinds}; จะรับลงประมาณ {down:,} ครัวเรือน; ครัวเรือนที่มีงานค้างส่ง/ขัดแย้ง {held:,}",
        "Would send {up:,} events {kinds}; would receive about {down:,} households; households with unsent work or"
        " conflicts: {held:,}",
    ),
    "no_conflicts": ("ไม่มีข้อขัดแย้งที่รอการตัดสินใจ", "No conflicts waiting."),
    "no_open_conflict": ("ไม่มีข้อขัดแย้งหมายเลข {id} ที่รอการตัดสินใจ (ดูด้วย sync conflicts)",
                         "No open conflict number {id} (see sync conflicts)."),
    "merge_not_typed": ("ช่อง {field} พิมพ์ค่าเองไม่ได้: เลือกของเครื่องนี้หรือของเซิร์ฟเวอร์",
                        "The field {field} cannot be typed: choose this laptop's or the server's."),
    "merge_not_number": ("ช่อง {field}: \"{value}\" ไม่ใช่จำนวนเต็มที่ใช้ได้ ไม่ได้เปลี่ยนแปลงสิ่งใด",
                         "{field}: \"{value}\" is not a valid whole number; nothing was changed."),
    "merge_not_date": ("ช่อง {field}: \"{value}\" ไม่ใช่วันที่ (วว/ดด/ปปปป พ.ศ.) ไม่ได้เปลี่ยนแปลงสิ่งใด",
                       "{field}: \"{value}\" is not a date (DD/MM/YYYY, Buddhist era); nothing was changed."),
    "merge_empty": ("ช่อง {field} ว่างไม่ได้ ไม่ได้เปลี่ยนแปลงสิ่งใด", "{field} cannot be empty; nothing was changed."),
    "merge_whole_only": (
        "ช่อง {field} ต้องเลือกทั้งครัวเรือน: เลือก \"ของเครื่องนี้\" หรือ \"ของเซิร์ฟเวอร์\" ให้ทุกช่อง",
        "{field} can only be settled for the whole household: choose this laptop's or the server's for every field.",
    ),
    "resolved": ("ตัดสินข้อขัดแย้ง {id} แล้ว ({choice}): จะส่งขึ้นเมื่อซิงก์ครั้งถัดไป",
                 "Conflict {id} settled ({choice}); it will be sent at the next sync."),
    # bundles
    "bundle_written": ("เขียนชุดข้อมูล {n:,} รายการไว้ที่ {path} (ลงนามด้วยกุญแจของเครื่องนี้ {public})",
                       "Wrote {n:,} events to {path} (signed with this laptop's key {public})."),
    "bundle_imported": (
        "นำเข้าชุดข้อมูลจากเครื่อง {store} แล้ว: ใหม่ {new:,} รายการ มีอยู่แล้ว {skipped:,} ขัดแย้ง {conflicts:,}",
        "Imported the bundle from laptop {store}: {new:,} new events, {skipped:,} already here, {conflicts:,} conflicts.",
    ),
    "bundle_own": ("ชุดข้อมูลนี้มาจากเครื่องนี้เอง: ไม่มีอะไรต้องนำเข้า", "This bundle came from this laptop: nothing to import."),
    "bundle_tampered": (
        "ไฟล์ชุดข้อมูลถูกแก้ไขหรือเสียหาย (ลายเซ็นไม่ตรงกับเนื้อหา): ไม่ได้นำเข้าสิ่งใด ขอไฟล์ใหม่จากผู้ส่ง",
        "The bundle file was changed or damaged (its signature does not match its content): nothing was imported."
        " Ask the sender for a new file.",
    ),
    "bundle_not_bundle": ("ไฟล์นี้ไม่ใช่ชุดข้อมูลของ BMN Field Desk: ไม่ได้นำเข้าสิ่งใด",
                          "This file is not a BMN Field Desk bundle: nothing was imported."),
    "bundle_unreadable": ("อ่านไฟล์ชุดข้อมูลไม่ได้: {error}", "Cannot read the bundle file: {error}"),
    "bundle_empty": ("ไม่มีรายการค้างส่ง: ไม่ได้เขียนไฟล์", "No unsent events: no file was written."),
    # server administration
    "officer_added": (
        "เพิ่มเจ้าหน้าที่ {name} (รหัส {id}) พื้นที่ {areas}\nโทเค็น (แสดงครั้งเดียว เก็บให้ดี):\n{token}",
        "Added officer {name} (id {id}) for {areas}.\nToken (shown once; keep it safe):\n{token}",
    ),
    "load_ok": ("โหลดเข้าเซิร์ฟเวอร์แล้ว: {households:,} ครัวเรือน {members:,} คน เปลี่ยน {changed:,} ลบ {removed:,}",
                "Loaded into the server: {households:,} households, {members:,} members; {changed:,} changed,"
                " {removed:,} removed."),
    "serving": ("เซิร์ฟเวอร์จังหวัดทำงานที่ http://{host}:{port} (ฐานข้อมูล {db}) กด Ctrl+C เพื่อหยุด",
                "Province server at http://{host}:{port} (database {db}); Ctrl+C stops it."),
    "bad_area": ("รหัสพื้นที่ต้องเป็นตัวเลข 2, 4, 6 หรือ 8 หลัก (จังหวัด อำเภอ ตำบล หมู่บ้าน): {areas} ไม่ได้เพิ่มเจ้าหน้าที่",
                 "Area codes must be 2, 4, 6 or 8 digits (province, district, tambon, village): {areas}."
                 " No officer was added."),
    "bad_officer_name": ("ต้องระบุชื่อเจ้าหน้าที่ (ไม่เกิน 200 ตัวอักษร): ไม่ได้เพิ่มเจ้าหน้าที่",
                         "The officer needs a name (at most 200 characters). No officer was added."),
    "device_registered": ("ลงทะเบียนกุญแจของเครื่อง {store} กับเจ้าหน้าที่ {officer} แล้ว",
                          "Registered laptop {store}'s key for officer {officer}."),
}


PREFIX = "sync_"
messages.register({PREFIX + key: pair for key, pair in CATALOGUE.items()})


def msg(key: str, **values: object) -> str:
    return messages.msg(PREFIX + key, **values)
