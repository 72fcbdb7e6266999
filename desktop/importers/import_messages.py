"""Messages of the import's preview, Excel checks and column mapping (Thai, English)."""

from __future__ import annotations

from desktop import messages

messages.register({
    # preview
    "imp_preview_head": ("ตัวอย่างผลการนำเข้า (ยังไม่ได้เปลี่ยนแปลงข้อมูล):", "Import preview (nothing has been changed):"),
    "imp_preview_village": (
        "  {village} {name}: เพิ่ม {added:,} เปลี่ยนแปลง {changed:,} เหมือนเดิม {unchanged:,} ครัวเรือน",
        "  {village} {name}: added {added:,}, changed {changed:,}, unchanged {unchanged:,} households",
    ),
    "imp_preview_missing_kept": (
        "    ไม่มีในไฟล์ {n:,} ครัวเรือน: เก็บไว้ตามเดิม (ถ้าไฟล์นี้คือทั้งหมู่บ้าน ใช้ --whole-village)",
        "    not in the file: {n:,} households, kept (if this file is the whole village, use --whole-village)",
    ),
    "imp_preview_missing_removed": (
        "    ไม่มีในไฟล์ {n:,} ครัวเรือน: จะย้ายไปเก็บในประวัติ เพราะเลือกว่าไฟล์นี้คือทั้งหมู่บ้าน",
        "    not in the file: {n:,} households, moved to history (this file is the whole village)",
    ),
    "imp_preview_new_village": (
        "    หมู่บ้านใหม่: ฐานข้อมูลยังไม่มีหมู่บ้านรหัสนี้ ตรวจว่ารหัสหมู่บ้านไม่ได้พิมพ์ผิด",
        "    new village: the store has no village with this code; check that it is not a typo",
    ),
    "imp_new_villages": (
        "ไฟล์มีหมู่บ้านใหม่ {n:,} หมู่บ้าน ({codes}) ที่ฐานข้อมูลยังไม่มี จึงยังไม่ได้นำเข้า: ตรวจรหัสหมู่บ้านในไฟล์"
        " ถ้าถูกต้องแล้วให้นำเข้าอีกครั้งพร้อม --allow-new-villages",
        "The file holds {n:,} village(s) the store does not know ({codes}); nothing was imported: check the"
        " village codes, and if they are right import again with --allow-new-villages",
    ),
    "imp_nothing_changed": (
        "ข้อมูลในไฟล์เหมือนกับที่มีอยู่แล้วทุกครัวเรือน ({n:,} ครัวเรือน): ไม่มีการเปลี่ยนแปลง",
        "Every household in the file is as the store already holds it ({n:,} households): nothing changed.",
    ),
    "imp_reconciled": ("ยืนยันการแก้ไข {confirmed:,} รายการ, ยังไม่แก้ไข {not_applied:,} รายการ",
                       "Corrections confirmed: {confirmed:,}, not applied yet: {not_applied:,}"),
    "imp_ok_plan": (
        "นำเข้าสำเร็จ: เพิ่ม {added:,} เปลี่ยนแปลง {changed:,} เหมือนเดิม {unchanged:,} ครัวเรือน"
        " ใน {villages:,} หมู่บ้าน ({members:,} คน); ไม่มีในไฟล์แต่เก็บไว้ {missing:,}, ย้ายไปประวัติ {removed:,}",
        "Imported: added {added:,}, changed {changed:,}, unchanged {unchanged:,} households in {villages:,} villages"
        " ({members:,} members); not in the file but kept {missing:,}, moved to history {removed:,}",
    ),
})
