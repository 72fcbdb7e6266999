"""Messages of the import's preview, Excel checks and column mapping (Thai, English)."""

from __future__ import annotations

from desktop import messages

messages.register({
    "imp_kind_problem": ("ปัญหา", "problem"),
    "imp_kind_warning": ("คำเตือน", "warning"),
    "imp_reader_stopped": (
        "การอ่านไฟล์หยุดกลางคัน (โปรแกรมอ่านไฟล์ถูกปิดหรือหน่วยความจำไม่พอ) จึงยังไม่นำเข้าอะไรเลย: ปิดโปรแกรมอื่นที่ใช้"
        " หน่วยความจำมาก แล้วนำเข้าใหม่ ({detail})",
        "Reading the file stopped part-way (the reading process was closed or ran out of memory), so nothing was"
        " imported: close other programs that use much memory and import again ({detail})",
    ),
    # what Excel did (cellchecks.py)
    "imp_excel_date": (
        "Excel เปลี่ยนค่าในช่องนี้เป็นวันที่ ({value}) ค่าเดิมอาจเป็น '{guess}': จัดรูปแบบคอลัมน์นี้เป็น 'ข้อความ' (Text)"
        " แล้วพิมพ์ค่าเดิมใหม่ หรือพิมพ์ ' นำหน้า (เช่น '{guess})",
        "Excel turned this cell into a date ({value}); it was probably '{guess}': format the column as Text and"
        " type the value again, or type it with a leading ' (e.g. '{guess})",
    ),
    "imp_csv_date": (
        "ค่า '{value}' เป็นวันที่ที่ Excel สร้างจากค่าเดิม (เช่น บ้านเลขที่ 12/1 กลายเป็น 12-Jan): แก้ในไฟล์ต้นฉบับ"
        " โดยจัดรูปแบบคอลัมน์เป็น 'ข้อความ' (Text) แล้วพิมพ์ค่าเดิม แล้วบันทึกใหม่",
        "'{value}' is a date Excel made of the typed value (house number 12/1 becomes 12-Jan): in the original"
        " sheet format the column as Text, type the value again and save",
    ),
    "imp_excel_error": (
        "ช่องนี้เป็นค่าผิดพลาดของ Excel ({value}): สูตรในช่องคำนวณไม่ได้ แก้สูตรหรือพิมพ์ค่าจริงแทนสูตร",
        "This cell is an Excel error ({value}): its formula cannot be calculated; fix the formula or type the value",
    ),
    "imp_excel_formula": (
        "ช่องนี้เป็นสูตรที่ยังไม่เคยคำนวณ (ไฟล์ไม่ได้เก็บผลลัพธ์ไว้ จึงอ่านได้เป็นค่าว่าง): เปิดไฟล์ใน Excel แล้วบันทึกใหม่"
        " หรือพิมพ์ค่าจริงแทนสูตร",
        "This cell is a formula that was never calculated (the file holds no result, it reads as blank): open the"
        " file in Excel and save it again, or type the value instead of the formula",
    ),
    "imp_control_chars": (
        "มีอักขระควบคุมที่มองไม่เห็น ({codes}) ซึ่งมักติดมากับการคัดลอกจากโปรแกรมอื่น: ลบอักขระนั้นออก (พิมพ์ค่าใหม่)",
        "Invisible control characters ({codes}), often copied in from another program: remove them (type the value again)",
    ),
    "imp_too_long": (
        "ข้อความยาว {n:,} ตัวอักษร เกินที่ช่องนี้รับได้ ({limit:,}): อาจวางข้อความผิดช่อง ตรวจและตัดให้สั้นลง",
        "Text of {n:,} characters, longer than this column allows ({limit:,}): probably pasted into the wrong"
        " cell; check it and shorten it",
    ),
    "imp_birth_after_reference": (
        "วันเกิด {value} อยู่หลังวันอ้างอิงของการสำรวจ ({reference}) จึงคำนวณอายุไม่ได้ (ติดลบ): ตรวจปี พ.ศ./ค.ศ. ของวันเกิด",
        "Birth date {value} is after the survey's reference date ({reference}): the age would be negative;"
        " check the year (B.E./A.D.)",
    ),
    "imp_too_old": (
        "อายุ {age} ปี ณ วันอ้างอิง เกิน 120 ปี: ตรวจปีเกิด (มักพิมพ์ พ.ศ./ค.ศ. สลับกันหรือพิมพ์ผิดหลัก)",
        "Age {age} at the reference date, over 120: check the birth year (B.E./A.D. swapped or a digit mistyped)",
    ),
    "imp_count_over_members": (
        "จำนวนคน {value} มากกว่าสมาชิกของครัวเรือนในไฟล์ ({members} คน): แก้จำนวนหรือเพิ่มสมาชิกที่ขาด",
        "A count of {value} persons is more than the household's members in the file ({members}): fix the"
        " count or add the missing members",
    ),
    "imp_pid_in_store": (
        "เลขประจำตัวประชาชน {value} มีอยู่แล้วในครัวเรือนรหัส {house} (หมู่บ้าน {village}) ปีสำรวจเดียวกัน:"
        " คนเดียวจะถูกนับสองครั้ง ตรวจว่าย้ายครัวเรือนหรือพิมพ์เลขผิด",
        "National ID {value} is already in household {house} (village {village}) of the same survey year: one"
        " person would be counted twice; check whether they moved or the ID is mistyped",
    ),
    # warnings to confirm: unusual values that may be right (limits.py); the import waits for --accept-warnings
    "imp_warn_old": (
        "อายุ {age} ปี ณ วันอ้างอิง ({reference}) เกิน {limit} ปี ซึ่งพบได้น้อย: ตรวจวันเกิดกับบัตรประชาชนหรือทะเบียนบ้าน"
        " (มักพิมพ์ปี พ.ศ./ค.ศ. สลับกันหรือพิมพ์ผิดหลัก) ถ้าถูกต้องแล้วให้ยืนยัน",
        "Age {age} at the reference date ({reference}), over {limit}, which is rare: check the birth date against"
        " the ID card or house registration (B.E./A.D. swapped or a digit mistyped); if it is right, confirm it",
    ),
    "imp_warn_members": (
        "ครัวเรือนนี้มีสมาชิก {n} คนในไฟล์ มากกว่า {limit} คน ซึ่งพบได้น้อย: ตรวจว่าไม่ได้ใส่สมาชิกของครัวเรือนอื่น"
        " ด้วยรหัสประจำบ้านนี้ หรือใส่ชื่อซ้ำ ถ้าถูกต้องแล้วให้ยืนยัน",
        "This household has {n} members in the file, more than {limit}, which is rare: check that members of"
        " another household were not given this house code and that nobody is listed twice; if it is right,"
        " confirm it",
    ),
    "imp_warn_income": (
        "รายได้รวมทั้งปีของครัวเรือน {total:,} บาท เกิน {limit:,} บาท ซึ่งพบได้น้อย: ตรวจช่องนี้ (ช่องรายได้ที่มากที่สุด)"
        " ว่าไม่ได้พิมพ์เลขศูนย์เกินหรือใส่เป็นสตางค์ ถ้าถูกต้องแล้วให้ยืนยัน",
        "The household's yearly income is {total:,} baht, over {limit:,}, which is rare: check this cell (the"
        " largest income) for an extra zero or an amount in satang; if it is right, confirm it",
    ),
    "imp_warnings_head": (
        "พบค่าที่ผิดปกติ {n:,} รายการ (คำเตือน ไม่ใช่ข้อผิดพลาด) ค่าเหล่านี้อาจถูกต้อง ตรวจทีละรายการ:",
        "Unusual values found: {n:,} (warnings, not problems); they may be right, check each one:",
    ),
    "imp_warnings_more": ("  ... และอีก {n:,} รายการ", "  ... and {n:,} more"),
    "imp_warnings_confirm": (
        "ค่าที่ผิดปกติรอการยืนยัน จึงยังไม่ได้นำเข้า: ถ้าตรวจแล้วว่าถูกต้อง ให้นำเข้าอีกครั้งพร้อม --accept-warnings",
        "Unusual values wait for confirmation; nothing was imported: if they are right, import again with"
        " --accept-warnings",
    ),
    "imp_warnings_accepted": (
        "นำเข้าค่าที่ผิดปกติ {n:,} รายการตามที่ยืนยันแล้ว (--accept-warnings)",
        "Imported with {n:,} unusual value(s), as confirmed (--accept-warnings)",
    ),
    # layout (mapping.py)
    "imp_unknown_layout": (
        "ไม่พบแถวหัวตาราง: {n} แถวแรกของไฟล์ไม่มีชื่อคอลัมน์ที่รู้จัก (เช่น รหัสหมู่บ้าน, บ้านเลขที่, เลขประจำตัวประชาชน)"
        " ถ้าไฟล์ใช้ชื่อคอลัมน์แบบอื่น ให้จับคู่คอลัมน์ในหน้าต่างนำเข้า (แฟ้ม → นำเข้าข้อมูล…) หรือใช้ --mapping FILE",
        "No header row found: the first {n} rows hold no column name this app knows (e.g. village_code,"
        " house_no, pid); if the file uses other column names, map them in the import window"
        " (File → Import data…) or give --mapping FILE",
    ),
    "imp_bad_mapping": ("ไฟล์จับคู่คอลัมน์ {path} ใช้ไม่ได้: {error}", "The mapping profile {path} cannot be used: {error}"),
    "imp_mapping_proposed": (
        "บันทึกการจับคู่คอลัมน์ที่เสนอไว้ที่ {path} (จับคู่ได้ {n} จาก {total} คอลัมน์): ตรวจและแก้ไฟล์ แล้วนำเข้าด้วย --mapping",
        "Proposed column mapping written to {path} ({n} of {total} columns mapped): check and edit it, then"
        " import with --mapping",
    ),
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
