<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en_US">
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>ตกลง</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>บันทึก</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>เปิด</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>ใช่ (&amp;Y)</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>ใช่ทั้งหมด (&amp;A)</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>ไม่ (&amp;N)</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>ไม่ทั้งหมด (&amp;O)</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>ยุติ</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>ลองใหม่</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>ข้าม</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>ไม่บันทึก</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>ช่วยเหลือ</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>ใช้</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>ตั้งค่าใหม่</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>คืนค่าเริ่มต้น</translation>
    </message>
  </context>
  <context>
    <name>QGnomeTheme</name>
    <message>
      <source>&amp;OK</source>
      <translation>ตกลง (&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>บันทึก (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>ยกเลิก (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>ปิด (&amp;C)</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>ปิดโดยไม่บันทึก</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>ค้นใน (&amp;L):</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>ชนิดไฟล์ (&amp;T):</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>ค้นใน:</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>ชื่อไฟล์ (&amp;N):</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>เปิด (&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>บันทึก (&amp;S)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>ย้อนกลับ</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>ไปข้างหน้า</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>โฟลเดอร์ระดับบน</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>มุมมองรายการ</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>มุมมองรายละเอียด</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>แถบด้านข้าง</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>บันทึกเป็น</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>เปิด</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>ทุกไฟล์ (*)</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>โฟลเดอร์:</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>ลบ (&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>เปลี่ยนชื่อ (&amp;R)</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>แสดงไฟล์ที่ซ่อน (&amp;H)</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>โฟลเดอร์ใหม่ (&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>เลือก (&amp;C)</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>มี %1 อยู่แล้ว
ต้องการเขียนทับหรือไม่?</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>ต้องการลบ '%1' ใช่หรือไม่?</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>ที่ที่เปิดล่าสุด</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>ย้อนกลับ</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>ไปข้างหน้า</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>ไปยังโฟลเดอร์ระดับบน</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>เปลี่ยนเป็นมุมมองรายการ</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>เปลี่ยนเป็นมุมมองรายละเอียด</translation>
    </message>
    <message>
      <source>Find Directory</source>
      <translation>เลือกโฟลเดอร์</translation>
    </message>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
ไม่พบไฟล์
โปรดตรวจสอบชื่อไฟล์</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Name</source>
      <translation>ชื่อ</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>ขนาด</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>ชนิด</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>ชนิด</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>วันที่แก้ไข</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>คอมพิวเตอร์ของฉัน</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>คอมพิวเตอร์</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Show Details...</source>
      <translation>แสดงรายละเอียด...</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>ซ่อนรายละเอียด...</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>เกี่ยวกับ Qt</translation>
    </message>
  </context>
  <context>
    <name>QInputDialog</name>
    <message>
      <source>Enter a value:</source>
      <translation>ใส่ค่า:</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>ทำซ้ำ (&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>ตัด (&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>คัดลอก (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>วาง (&amp;P)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>ลบ</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>เลือกทั้งหมด</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>คัดลอกที่อยู่ลิงก์ (&amp;L)</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>ทำซ้ำ (&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>ตัด (&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>คัดลอก (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>วาง (&amp;P)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>ลบ</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>เลือกทั้งหมด</translation>
    </message>
  </context>
  <context>
    <name>QPrintPreviewDialog</name>
    <message>
      <source>Print Preview</source>
      <translation>ดูตัวอย่างก่อนพิมพ์</translation>
    </message>
    <message>
      <source>Next page</source>
      <translation>หน้าถัดไป</translation>
    </message>
    <message>
      <source>Previous page</source>
      <translation>หน้าก่อนหน้า</translation>
    </message>
    <message>
      <source>First page</source>
      <translation>หน้าแรก</translation>
    </message>
    <message>
      <source>Last page</source>
      <translation>หน้าสุดท้าย</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>พอดีความกว้าง</translation>
    </message>
    <message>
      <source>Fit page</source>
      <translation>พอดีหน้า</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>ขยาย</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>ย่อ</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>แนวตั้ง</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>แนวนอน</translation>
    </message>
    <message>
      <source>Show single page</source>
      <translation>แสดงทีละหน้า</translation>
    </message>
    <message>
      <source>Show facing pages</source>
      <translation>แสดงสองหน้าคู่</translation>
    </message>
    <message>
      <source>Show overview of all pages</source>
      <translation>แสดงภาพรวมทุกหน้า</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>พิมพ์</translation>
    </message>
    <message>
      <source>Page setup</source>
      <translation>ตั้งค่าหน้ากระดาษ</translation>
    </message>
    <message>
      <source>Export to PDF</source>
      <translation>ส่งออกเป็น PDF</translation>
    </message>
    <message>
      <source>Page Setup</source>
      <translation>ตั้งค่าหน้ากระดาษ</translation>
    </message>
  </context>
  <context>
    <name>QPrintDialog</name>
    <message>
      <source>Print</source>
      <translation>พิมพ์</translation>
    </message>
    <message>
      <source>Print To File ...</source>
      <translation>พิมพ์ลงไฟล์ ...</translation>
    </message>
    <message>
      <source>&amp;Print</source>
      <translation>พิมพ์ (&amp;P)</translation>
    </message>
    <message>
      <source>Print to File (PDF)</source>
      <translation>พิมพ์ลงไฟล์ (PDF)</translation>
    </message>
    <message>
      <source>Local file</source>
      <translation>ไฟล์ในเครื่อง</translation>
    </message>
    <message>
      <source>Write PDF file</source>
      <translation>เขียนไฟล์ PDF</translation>
    </message>
    <message>
      <source>&amp;Options &gt;&gt;</source>
      <translation>ตัวเลือก &gt;&gt; (&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Options &lt;&lt;</source>
      <translation>ตัวเลือก &lt;&lt; (&amp;O)</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
  </context>
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>ตกลง</translation>
    </message>
  </context>
</TS>
