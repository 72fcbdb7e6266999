"""Messages of the hierarchy features (the feed, starting from the server, demo data, the server's status
report), in Thai and English; the language follows desktop.messages (--lang or BMN_LANG)."""

from __future__ import annotations

from desktop import messages

messages.register({
    "stage_feed": ("รับข้อมูลของหน่วยงานอื่น", "Receiving other offices' records"),
    "first_not_empty": (
        "ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว: --first ใช้กับเครื่องใหม่ที่ยังว่างเท่านั้น (ใช้ sync ตามปกติ)",
        "This store already holds data: --first is for a new, empty laptop (use a plain sync).",
    ),
    "first_done": ("เริ่มต้นจากเซิร์ฟเวอร์จังหวัดแล้ว: {households:,} ครัวเรือน {records:,} รายการของหน่วยงานอื่น",
                   "Started from the province server: {households:,} households, {records:,} records of other offices"),
    "verified_accepted": ("เซิร์ฟเวอร์ตรวจแล้ว", "server-verified"),
    "verified_needs_recheck": ("เซิร์ฟเวอร์ขอให้ตรวจใหม่", "server: needs re-check"),
    "verified_": ("ยังไม่ได้ตรวจที่เซิร์ฟเวอร์", "not yet verified by the server"),
    "from_office": ("จาก {office}", "from {office}"),
    "demo_removed": ("ลบข้อมูลสาธิตแล้ว: {n:,} ครัวเรือน", "Removed the demo data: {n:,} households"),
    "demo_none": ("ฐานข้อมูลนี้ไม่มีข้อมูลสาธิต", "This store holds no demo data"),
    "demo_import_ask": (
        "ฐานข้อมูลนี้มีข้อมูลสาธิต (ครัวเรือนที่สร้างขึ้น) ถ้านำเข้าข้อมูลจริงโดยไม่ลบ รายงานจะรวมข้อมูลสาธิตด้วย:"
        " ใช้ --replace-demo เพื่อลบข้อมูลสาธิตก่อนนำเข้า (หรือ main.py demo --remove) ยังไม่ได้นำเข้าสิ่งใด",
        "This store holds demo data (made-up households); real data imported beside it would be counted with it."
        " Use --replace-demo to remove the demo first (or main.py demo --remove). Nothing was imported.",
    ),
})

msg = messages.msg  # one catalogue for the whole app (desktop/messages.py); these keys are registered there
