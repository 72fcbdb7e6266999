"""Error answers of the server: JSON {"error": {"code", "th", "en"}} with the HTTP status, and the reasons
given in event acks, each in Thai and English."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "unauthorized": ("ต้องใช้โทเค็นที่ถูกต้อง (Authorization: Bearer ...) ขอโทเค็นจากผู้ดูแลเซิร์ฟเวอร์จังหวัด",
                     "A valid token is required (Authorization: Bearer ...); ask the province server administrator."),
    "forbidden_area": ("พื้นที่ {area} อยู่นอกเขตที่ได้รับสิทธิ์ ({areas})",
                       "Area {area} is outside your areas ({areas})."),
    "bad_area": ("รหัสพื้นที่ '{area}' ไม่ถูกต้อง: ใช้ 2, 4, 6 หรือ 8 หลัก",
                 "Area code '{area}' is invalid: use 2, 4, 6 or 8 digits."),
    "too_large": ("ข้อมูลที่ส่งมาใหญ่เกิน {limit:,} ไบต์: แบ่งส่งเป็นชุดเล็กลง",
                  "The request is larger than {limit:,} bytes: send it in smaller chunks."),
    "rate_limited": ("ส่งคำขอถี่เกินไป: รอ {seconds} วินาทีแล้วลองใหม่",
                     "Too many requests: wait {seconds} seconds and try again."),
    "invalid_request": ("คำขอไม่ถูกต้อง: {detail}", "Invalid request: {detail}"),
    "not_found": ("ไม่พบ {path}", "Not found: {path}"),
    "method_not_allowed": ("ไม่รองรับวิธีเรียก {method} ที่ {path}", "Method {method} is not allowed on {path}."),
    "server_error": ("เซิร์ฟเวอร์ขัดข้อง: ข้อมูลที่ส่งมาไม่ถูกบันทึก กรุณาลองใหม่ภายหลัง",
                     "Server error: nothing was saved; please try again later."),
    "bad_bundle": ("ไฟล์ชุดข้อมูลใช้ไม่ได้: {detail}", "The bundle cannot be used: {detail}"),
    "unknown_device": ("ไม่รู้จักกุญแจของเครื่องที่ลงนามชุดข้อมูลนี้: ให้เครื่องนั้นซิงก์ออนไลน์หนึ่งครั้ง หรือให้ผู้ดูแลลงทะเบียนกุญแจ",
                       "The laptop key that signed this bundle is not registered: sync that laptop online once, "
                       "or ask the administrator to register its key."),
    "device_taken": ("กุญแจหรือเครื่องนี้ลงทะเบียนไว้กับเจ้าหน้าที่คนอื่นแล้ว: กุญแจไม่ย้ายไปมาระหว่างเจ้าหน้าที่ ติดต่อผู้ดูแลเซิร์ฟเวอร์",
                     "This key or laptop is registered to another officer: keys never move between officers; "
                     "ask the server administrator."),
    "device_revoked": ("กุญแจของเครื่องนี้ถูกเพิกถอนแล้ว: ติดต่อผู้ดูแลเซิร์ฟเวอร์จังหวัด",
                       "This laptop's key has been revoked: contact the province server administrator."),
    "bad_challenge": ("การพิสูจน์ว่าเครื่องถือกุญแจไม่ผ่าน (ลายมือชื่อหรือรหัสท้าทายไม่ถูกต้องหรือหมดอายุ): ซิงก์ใหม่อีกครั้ง",
                      "The proof that this laptop holds the key failed (bad or expired challenge or signature): "
                      "sync again."),
    # reasons inside acks
    "unknown_author": ("เซิร์ฟเวอร์ยังไม่รู้จักกุญแจของเครื่องที่สร้างรายการนี้: จะส่งต่อเมื่อเครื่องนั้นซิงก์ออนไลน์แล้ว",
                       "The server does not know the key of the laptop that made this event yet: it is sent again "
                       "once that laptop has synced online."),
    "bad_signature": ("ลายมือชื่อของรายการไม่ถูกต้อง (ถูกแก้ไขหรือปลอม): ไม่ได้บันทึก",
                      "The event's signature is invalid (changed or forged): not stored."),
    "uuid_reused": ("มีรายการอื่นของผู้สร้างเดียวกันใช้รหัส UUID นี้แล้ว: รายการนี้ไม่ใช่รายการเดิมจึงไม่ได้บันทึก",
                    "The same author already sent a different event under this UUID: this one is not the original "
                    "and was not stored."),
    "record_changed": ("ครัวเรือน {household} ถูกปรับข้อมูลหลังการตรวจ (ตรวจกับรุ่น {version} ปัจจุบันรุ่น {current}): ต้องตรวจใหม่",
                       "Household {household} changed after the review (reviewed version {version}, now version "
                       "{current}): it needs a re-check."),
    "unknown_household": ("ไม่มีครัวเรือน {household} บนเซิร์ฟเวอร์", "Household {household} is not on the server."),
    "outside_area": ("ครัวเรือน {household} อยู่นอกเขตที่ได้รับสิทธิ์", "Household {household} is outside your areas."),
    "bad_payload": ("เนื้อหาของรายการไม่ถูกต้อง: {detail}", "The event's content is invalid: {detail}"),
    "unknown_kind": ("เซิร์ฟเวอร์ไม่รู้จักรายการชนิด {kind}", "The server does not know events of kind {kind}."),
    "needs_recheck": ("ข้อมูลบนเซิร์ฟเวอร์ของพื้นที่ {area} ไม่ตรงกับที่รับรอง: ต้องตรวจสอบใหม่ก่อนรับรอง",
                      "The server's data for area {area} differs from what was certified: it needs a re-check."),
    "conflict": ("ครัวเรือน {household} ถูกแก้ไขที่อื่นในช่องเดียวกัน ({fields}): ต้องให้ผู้ใช้เลือก",
                 "Household {household} was changed elsewhere in the same field(s) ({fields}): a person must choose."),
}


def message(code: str, **values) -> dict:
    th, en = MESSAGES[code]
    return {"code": code, "th": th.format(**values), "en": en.format(**values)}


class ApiError(Exception):
    def __init__(self, status: int, code: str, headers: dict | None = None, **values):
        super().__init__(code)
        self.status = status
        self.body = {"error": message(code, **values)}
        self.headers = headers or {}
