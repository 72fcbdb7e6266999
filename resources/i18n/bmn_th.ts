<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en_US">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About %1</source>
      <translation>เกี่ยวกับ %1</translation>
    </message>
    <message>
      <source>Version %1</source>
      <translation>เวอร์ชัน %1</translation>
    </message>
    <message>
      <source>Review, correct, monitor and certify Basic Minimum Needs (BMN) household survey data, offline.</source>
      <translation>ตรวจสอบ แก้ไข ติดตาม และรับรองข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ระดับครัวเรือน โดยไม่ต้องต่ออินเทอร์เน็ต</translation>
    </message>
    <message>
      <source>Indicator sets included</source>
      <translation>ชุดตัวชี้วัดที่มากับโปรแกรม</translation>
    </message>
    <message>
      <source>Qt %1 and Qt for Python (PySide6) %2: GNU Lesser General Public License v3 (LGPLv3). The Qt libraries are separate files in the program folder and can be replaced.</source>
      <translation>Qt %1 และ Qt for Python (PySide6) %2: สัญญาอนุญาต GNU Lesser General Public License รุ่น 3 (LGPLv3) ไลบรารี Qt เป็นไฟล์แยกอยู่ในโฟลเดอร์โปรแกรมและเปลี่ยนแทนได้</translation>
    </message>
    <message>
      <source>Also included:</source>
      <translation>ส่วนประกอบอื่นที่รวมมาด้วย:</translation>
    </message>
    <message>
      <source>Licences</source>
      <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>%1: cannot be read (%2)</source>
      <translation>%1: อ่านไม่ได้ (%2)</translation>
    </message>
    <message>
      <source>%1: %2 (%3 indicators)</source>
      <translation>%1: %2 (%3 ตัวชี้วัด)</translation>
    </message>
    <message>
      <source>Draft indicator set</source>
      <translation>ชุดตัวชี้วัดฉบับร่าง</translation>
    </message>
    <message>
      <source>No indicator set found in the program folder.</source>
      <translation>ไม่พบชุดตัวชี้วัดในโฟลเดอร์โปรแกรม</translation>
    </message>
    <message>
      <source>The licence file is missing: %1</source>
      <translation>ไม่พบไฟล์สัญญาอนุญาต: %1</translation>
    </message>
  </context>
  <context>
    <name>AreaPanel</name>
    <message>
      <source>Survey &amp;year (B.E.):</source>
      <translation>ปีสำรวจ (พ.ศ.) (&amp;Y):</translation>
    </message>
  </context>
  <context>
    <name>Certification</name>
    <message>
      <source>Certified</source>
      <translation>รับรองแล้ว</translation>
    </message>
    <message>
      <source>Changed since certified</source>
      <translation>ข้อมูลเปลี่ยนหลังรับรอง</translation>
    </message>
    <message>
      <source>Re-opened: certify again</source>
      <translation>ยกเลิกการรับรองแล้ว รอรับรองใหม่</translation>
    </message>
    <message>
      <source>Not certified</source>
      <translation>ยังไม่รับรอง</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>ปรับปรุง (&amp;R)</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>รหัส</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>พื้นที่</translation>
    </message>
    <message>
      <source>State</source>
      <translation>สถานะ</translation>
    </message>
    <message>
      <source>Certified on</source>
      <translation>วันที่รับรอง</translation>
    </message>
    <message>
      <source>By</source>
      <translation>ผู้บันทึก</translation>
    </message>
    <message>
      <source>Short code</source>
      <translation>รหัสยืนยัน</translation>
    </message>
    <message>
      <source>Households changed</source>
      <translation>ครัวเรือนที่เปลี่ยน</translation>
    </message>
    <message>
      <source>Province server</source>
      <translation>เซิร์ฟเวอร์จังหวัด</translation>
    </message>
    <message>
      <source>Household / field</source>
      <translation>ครัวเรือน / รายการ</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>ปัจจุบัน</translation>
    </message>
    <message>
      <source>When</source>
      <translation>เมื่อ</translation>
    </message>
    <message>
      <source>Certified %1 of %2 · changed since %3</source>
      <translation>รับรองแล้ว %1 จาก %2 · ข้อมูลเปลี่ยนหลังรับรอง %3</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>ตรวจแล้ว</translation>
    </message>
    <message>
      <source>needs re-check</source>
      <translation>ขอให้ตรวจใหม่</translation>
    </message>
    <message>
      <source>not yet verified</source>
      <translation>ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
      <source>No record changed since it was certified.</source>
      <translation>ไม่มีข้อมูลที่เปลี่ยนหลังรับรอง</translation>
    </message>
    <message>
      <source>house no.</source>
      <translation>บ้านเลขที่</translation>
    </message>
    <message>
      <source>member</source>
      <translation>สมาชิก</translation>
    </message>
    <message>
      <source>Certify %1 · %2</source>
      <translation>รับรองข้อมูล %1 · ปี %2</translation>
    </message>
    <message>
      <source>survey year</source>
      <translation>ปีสำรวจ</translation>
    </message>
    <message>
      <source>e.g. the district office meeting room</source>
      <translation>เช่น ห้องประชุมที่ว่าการอำเภอ</translation>
    </message>
    <message>
      <source>&amp;Place of the meeting:</source>
      <translation>สถานที่ประชุม (&amp;P):</translation>
    </message>
    <message>
      <source>required: why certify before the child areas</source>
      <translation>ต้องระบุ: เหตุผลที่รับรองก่อนพื้นที่ระดับล่าง</translation>
    </message>
    <message>
      <source>&amp;Override reason:</source>
      <translation>เหตุผลการยกเว้น (&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Certify</source>
      <translation>รับรองข้อมูล (&amp;C)</translation>
    </message>
    <message>
      <source>What is being certified (as corrected)</source>
      <translation>ข้อมูลที่จะรับรอง (ตามที่แก้ไขแล้ว)</translation>
    </message>
    <message>
      <source>Villages</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>ครัวเรือน</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>ประชากร</translation>
    </message>
    <message>
      <source>%1 (male %2, female %3)</source>
      <translation>%1 คน (ชาย %2 หญิง %3)</translation>
    </message>
    <message>
      <source>Indicators failed</source>
      <translation>ตัวชี้วัดที่ไม่ผ่านเกณฑ์</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 จาก %2</translation>
    </message>
    <message>
      <source>Average income per person</source>
      <translation>รายได้เฉลี่ยต่อคน</translation>
    </message>
    <message>
      <source>%1 baht a year</source>
      <translation>%1 บาทต่อปี</translation>
    </message>
    <message>
      <source>Indicator set</source>
      <translation>ชุดตัวชี้วัด</translation>
    </message>
    <message>
      <source>Before certifying</source>
      <translation>ตรวจก่อนรับรอง</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ไม่มี</translation>
    </message>
    <message>
      <source>Open corrections:</source>
      <translation>การแก้ไขที่ยังค้างอยู่:</translation>
    </message>
    <message>
      <source>Households not reviewed:</source>
      <translation>ครัวเรือนที่ยังไม่ตรวจสอบ:</translation>
    </message>
    <message>
      <source>Child areas not certified:</source>
      <translation>พื้นที่ระดับล่างที่ยังไม่รับรอง:</translation>
    </message>
    <message>
      <source>Levels that certify this year:</source>
      <translation>ระดับที่รับรองข้อมูลในปีนี้:</translation>
    </message>
    <message>
      <source>Working group present (each signs the form)</source>
      <translation>คณะทำงานที่เข้าร่วม (ลงนามในแบบรับรอง)</translation>
    </message>
    <message>
      <source>Certifying…</source>
      <translation>กำลังรับรองข้อมูล…</translation>
    </message>
    <message>
      <source>Working group · %1</source>
      <translation>คณะทำงาน · %1</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>บทบาท</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>ตำแหน่ง</translation>
    </message>
    <message>
      <source>Name and surname</source>
      <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
      <source>&amp;Add</source>
      <translation>เพิ่ม (&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Change selected</source>
      <translation>แก้ไขรายการที่เลือก (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Remove selected</source>
      <translation>ลบรายการที่เลือก (&amp;R)</translation>
    </message>
    <message>
      <source>Cl&amp;ose</source>
      <translation>ปิด (&amp;O)</translation>
    </message>
    <message>
      <source>Saving the roster…</source>
      <translation>กำลังบันทึกคณะทำงาน…</translation>
    </message>
    <message>
      <source>Ce&amp;rtification</source>
      <translation>การรับรองข้อมูล (&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Certify this area…</source>
      <translation>รับรองข้อมูลพื้นที่นี้… (&amp;C)</translation>
    </message>
    <message>
      <source>Choose a &amp;local administration (LAO) of this area…</source>
      <translation>เลือก อปท. ในพื้นที่นี้ (&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Print the certificate…</source>
      <translation>พิมพ์แบบรับรอง… (&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Save the certificate as PDF…</source>
      <translation>บันทึกแบบรับรองเป็น PDF… (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Re-open the certification…</source>
      <translation>ยกเลิกการรับรอง… (&amp;R)</translation>
    </message>
    <message>
      <source>Certification status &amp;board</source>
      <translation>สถานะการรับรองข้อมูล (&amp;B)</translation>
    </message>
    <message>
      <source>Working &amp;group roster…</source>
      <translation>รายชื่อคณะทำงาน… (&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Verify a certificate code…</source>
      <translation>ตรวจสอบรหัสยืนยันแบบรับรอง… (&amp;V)</translation>
    </message>
    <message>
      <source>Select a tambon, district or province first.</source>
      <translation>เลือกตำบล อำเภอ หรือจังหวัดก่อน</translation>
    </message>
    <message>
      <source>No local administration (LAO) in this area.</source>
      <translation>ไม่มี อปท. ในพื้นที่นี้</translation>
    </message>
    <message>
      <source>Local administration (LAO)</source>
      <translation>องค์กรปกครองส่วนท้องถิ่น (อปท.)</translation>
    </message>
    <message>
      <source>Certify, print and re-open for:</source>
      <translation>รับรอง พิมพ์ และยกเลิกการรับรองของ:</translation>
    </message>
    <message>
      <source>Certification now works on %1; select an area in the tree to go back.</source>
      <translation>การรับรองข้อมูลใช้กับ %1 แล้ว: เลือกพื้นที่ในแผนผังเพื่อกลับ</translation>
    </message>
    <message>
      <source>Certified · %1</source>
      <translation>รับรองแล้ว · %1</translation>
    </message>
    <message>
      <source>This area has no certification for the year.</source>
      <translation>พื้นที่นี้ยังไม่มีการรับรองข้อมูลของปีนี้</translation>
    </message>
    <message>
      <source>Gathering what is being certified…</source>
      <translation>กำลังรวบรวมข้อมูลที่จะรับรอง…</translation>
    </message>
    <message>
      <source>Certified. Print the form for the working group to sign.</source>
      <translation>รับรองข้อมูลแล้ว พิมพ์แบบรับรองให้คณะทำงานลงนาม</translation>
    </message>
    <message>
      <source>Preparing the certificate…</source>
      <translation>กำลังเตรียมแบบรับรอง…</translation>
    </message>
    <message>
      <source>Certificate %1</source>
      <translation>แบบรับรอง %1</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
      <source>Save the certificate</source>
      <translation>บันทึกแบบรับรอง</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>บันทึกแล้ว: %1</translation>
    </message>
    <message>
      <source>Re-open the certification</source>
      <translation>ยกเลิกการรับรอง</translation>
    </message>
    <message>
      <source>Why is the certification %1 re-opened? Its data can be corrected again and it must be certified anew. (required)</source>
      <translation>เหตุผลที่ยกเลิกการรับรอง %1 (ต้องระบุ) เมื่อยกเลิกแล้วจะแก้ไขข้อมูลได้อีก และต้องรับรองใหม่</translation>
    </message>
    <message>
      <source>Re-opening…</source>
      <translation>กำลังยกเลิกการรับรอง…</translation>
    </message>
    <message>
      <source>Certification</source>
      <translation>การรับรองข้อมูล</translation>
    </message>
    <message>
      <source>Checking the certifications…</source>
      <translation>กำลังตรวจสอบการรับรอง…</translation>
    </message>
    <message>
      <source>Comparing with the certified data…</source>
      <translation>กำลังเปรียบเทียบกับข้อมูลที่รับรอง…</translation>
    </message>
    <message>
      <source>Verify a certificate</source>
      <translation>ตรวจสอบแบบรับรอง</translation>
    </message>
    <message>
      <source>Short code from the form, or the QR content:</source>
      <translation>รหัสยืนยันจากแบบรับรอง หรือข้อความจาก QR:</translation>
    </message>
    <message>
      <source>No certification with this code in this store.</source>
      <translation>ไม่พบการรับรองรหัสนี้ในฐานข้อมูลนี้</translation>
    </message>
    <message>
      <source>The data is still as certified.</source>
      <translation>ข้อมูลยังตรงกับที่รับรอง</translation>
    </message>
    <message>
      <source>The data changed since it was certified: %1 household(s).</source>
      <translation>ข้อมูลเปลี่ยนไปหลังรับรอง: %1 ครัวเรือน</translation>
    </message>
    <message>
      <source>The data here differs from what was certified.</source>
      <translation>ข้อมูลในเครื่องนี้ไม่ตรงกับที่รับรอง</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Review status</source>
      <translation>สถานะการตรวจ</translation>
    </message>
    <message>
      <source>House no.</source>
      <translation>บ้านเลขที่</translation>
    </message>
    <message>
      <source>Head of household</source>
      <translation>หัวหน้าครัวเรือน</translation>
    </message>
    <message>
      <source>Collector</source>
      <translation>ผู้จัดเก็บ</translation>
    </message>
    <message>
      <source>Survey date</source>
      <translation>วันที่สำรวจ</translation>
    </message>
    <message>
      <source>Village</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>คำตอบแบบสำรวจ</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>สมาชิก</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>ถูกลบ</translation>
    </message>
    <message>
      <source>(same)</source>
      <translation>(เหมือนกัน)</translation>
    </message>
    <message>
      <source>members %1</source>
      <translation>สมาชิก %1</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>ถูกลบ</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>คงไว้</translation>
    </message>
    <message>
      <source>Conflicts waiting for a decision</source>
      <translation>ข้อขัดแย้งที่รอการตัดสินใจ</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>ที่</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>ช่องที่ขัดแย้ง</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>ช่องข้อมูล</translation>
    </message>
    <message>
      <source>Before (base)</source>
      <translation>ก่อนแก้ (ฐาน)</translation>
    </message>
    <message>
      <source>This laptop (mine)</source>
      <translation>เครื่องนี้ (ของเรา)</translation>
    </message>
    <message>
      <source>Server (theirs)</source>
      <translation>เซิร์ฟเวอร์ (ของเขา)</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>ใช้ค่าของ</translation>
    </message>
    <message>
      <source>Merged value</source>
      <translation>ค่าที่พิมพ์เอง</translation>
    </message>
    <message>
      <source>Keep &amp;mine for all</source>
      <translation>ใช้ของเครื่องนี้ทุกช่อง (&amp;M)</translation>
    </message>
    <message>
      <source>Take the ser&amp;ver's for all</source>
      <translation>ใช้ของเซิร์ฟเวอร์ทุกช่อง (&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Settle this conflict</source>
      <translation>ตัดสินข้อขัดแย้งนี้ (&amp;S)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>From the server's data</source>
      <translation>มาจากข้อมูลที่เซิร์ฟเวอร์</translation>
    </message>
    <message>
      <source>From another laptop's bundle: the server decides at the next sync</source>
      <translation>มาจากชุดข้อมูลของเครื่องอื่น: เซิร์ฟเวอร์จะตัดสินเมื่อซิงก์ครั้งถัดไป</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>เครื่องนี้</translation>
    </message>
    <message>
      <source>Server's</source>
      <translation>เซิร์ฟเวอร์</translation>
    </message>
    <message>
      <source>Typed value</source>
      <translation>พิมพ์ค่าเอง</translation>
    </message>
    <message>
      <source>Settled. %1 more waiting.</source>
      <translation>ตัดสินแล้ว ยังรออีก %1 รายการ</translation>
    </message>
  </context>
  <context>
    <name>CorrectionDialog</name>
    <message>
      <source>(no answer)</source>
      <translation>(ไม่มีคำตอบ)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>ใช่</translation>
    </message>
    <message>
      <source>No</source>
      <translation>ไม่ใช่</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>ครัวเรือน</translation>
    </message>
    <message>
      <source>Member %1: %2</source>
      <translation>สมาชิกลำดับที่ %1: %2</translation>
    </message>
    <message>
      <source>Indicator answers</source>
      <translation>คำตอบตัวชี้วัด</translation>
    </message>
    <message>
      <source>Edit %1</source>
      <translation>แก้ไข %1</translation>
    </message>
    <message>
      <source>Correct household data</source>
      <translation>แก้ไขข้อมูลครัวเรือน</translation>
    </message>
    <message>
      <source>Double-click a value in the “New value” column to change it. Changed fields are highlighted; all of them are saved together as one correction.</source>
      <translation>ดับเบิลคลิกค่าในคอลัมน์ “ค่าใหม่” เพื่อแก้ไข ช่องที่แก้ไขจะมีแถบสีเน้น และจะบันทึกทุกช่องพร้อมกันเป็นการแก้ไขชุดเดียว</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
      <source>Re&amp;do</source>
      <translation>ทำซ้ำ (&amp;D)</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>เลิกทำ</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>ทำซ้ำ</translation>
    </message>
    <message>
      <source>Choose or type the reason (required)</source>
      <translation>เลือกหรือพิมพ์เหตุผล (ต้องระบุ)</translation>
    </message>
    <message>
      <source>Add &amp;evidence…</source>
      <translation>เพิ่มหลักฐาน… (&amp;E)</translation>
    </message>
    <message>
      <source>Attach photos or scans of documents (optional)</source>
      <translation>แนบรูปถ่ายหรือสำเนาเอกสาร (ไม่บังคับ)</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>นำออก</translation>
    </message>
    <message>
      <source>&amp;Save correction</source>
      <translation>บันทึกการแก้ไข (&amp;S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>เหตุผล (&amp;R):</translation>
    </message>
    <message>
      <source>Evidence:</source>
      <translation>หลักฐาน:</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>รายการ</translation>
    </message>
    <message>
      <source>Current value</source>
      <translation>ค่าปัจจุบัน</translation>
    </message>
    <message>
      <source>New value</source>
      <translation>ค่าใหม่</translation>
    </message>
    <message>
      <source>Type the full 13-digit ID to replace the one recorded</source>
      <translation>พิมพ์เลขประจำตัวประชาชน 13 หลักเต็มเพื่อแทนเลขที่บันทึกไว้</translation>
    </message>
    <message>
      <source>Day/month/year in B.E., e.g. 17/05/2523</source>
      <translation>วัน/เดือน/ปี พ.ศ. เช่น 17/05/2523</translation>
    </message>
    <message>
      <source>%1 field(s) changed</source>
      <translation>แก้ไขแล้ว %1 ช่อง</translation>
    </message>
    <message>
      <source>No changes yet</source>
      <translation>ยังไม่มีการแก้ไข</translation>
    </message>
    <message>
      <source>Evidence: photos or scans</source>
      <translation>หลักฐาน: รูปถ่ายหรือสำเนาเอกสาร</translation>
    </message>
    <message>
      <source>Images and documents (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
      <translation>รูปภาพและเอกสาร (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
      <source>Nothing was changed: edit at least one field first.</source>
      <translation>ยังไม่ได้แก้ไขข้อมูล: แก้ไขอย่างน้อยหนึ่งช่องก่อน</translation>
    </message>
    <message>
      <source>Give the reason for the correction.</source>
      <translation>กรุณาระบุเหตุผลของการแก้ไข</translation>
    </message>
    <message>
      <source>Saving the correction…</source>
      <translation>กำลังบันทึกการแก้ไข…</translation>
    </message>
  </context>
  <context>
    <name>Corrections</name>
    <message>
      <source>Show data as &amp;corrected</source>
      <translation>แสดงข้อมูลตามที่แก้ไขแล้ว (&amp;C)</translation>
    </message>
    <message>
      <source>Corr&amp;ect data…</source>
      <translation>แก้ไขข้อมูล… (&amp;E)</translation>
    </message>
    <message>
      <source>as corrected</source>
      <translation>ตามที่แก้ไขแล้ว</translation>
    </message>
    <message>
      <source>Select a household first.</source>
      <translation>กรุณาเลือกครัวเรือนก่อน</translation>
    </message>
    <message>
      <source>House no. %1 · house code %2 · %3</source>
      <translation>บ้านเลขที่ %1 · รหัสบ้าน %2 · %3</translation>
    </message>
    <message>
      <source>The correction was saved.</source>
      <translation>บันทึกการแก้ไขแล้ว</translation>
    </message>
    <message>
      <source>Revert correction</source>
      <translation>ยกเลิกการแก้ไข</translation>
    </message>
    <message>
      <source>Why is this correction being reverted? (required)</source>
      <translation>เหตุผลที่ยกเลิกการแก้ไขนี้ (ต้องระบุ)</translation>
    </message>
    <message>
      <source>Reverting the correction…</source>
      <translation>กำลังยกเลิกการแก้ไข…</translation>
    </message>
    <message>
      <source>The correction was reverted.</source>
      <translation>ยกเลิกการแก้ไขแล้ว</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>BMN Field Desk: a program error</source>
      <translation>BMN Field Desk: โปรแกรมทำงานผิดพลาด</translation>
    </message>
    <message>
      <source>The program hit an error it did not expect, and the last piece of work was not finished. Work saved before it is kept. The details were written to %1. Press "Copy details" and send them to the district office.</source>
      <translation>โปรแกรมพบข้อผิดพลาดที่ไม่คาดคิด งานล่าสุดจึงไม่เสร็จ งานที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ รายละเอียดบันทึกไว้ที่ %1 กด "คัดลอกรายละเอียด" แล้วส่งให้สำนักงานพัฒนาชุมชนอำเภอ</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>คัดลอกรายละเอียด</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>คัดลอกแล้ว</translation>
    </message>
  </context>
  <context>
    <name>DataPage</name>
    <message>
      <source>Household data</source>
      <translation>ข้อมูลครัวเรือน</translation>
    </message>
    <message>
      <source>Start with the demo province to try the program, import the files exported from the national BMN system, or download your area from the province server.</source>
      <translation>เริ่มด้วยจังหวัดตัวอย่างเพื่อทดลองใช้โปรแกรม นำเข้าไฟล์ที่ส่งออกจากระบบ จปฐ. ระดับประเทศ หรือรับข้อมูลพื้นที่ของท่านจากเซิร์ฟเวอร์จังหวัด</translation>
    </message>
    <message>
      <source>Load the &amp;demo province (Lampang, made-up households)</source>
      <translation>โหลดจังหวัดตัวอย่าง (ลำปาง ข้อมูลสมมติ) (&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Import files from the national system</source>
      <translation>นำเข้าไฟล์จากระบบ จปฐ. ระดับประเทศ (&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Connect to the province server</source>
      <translation>เชื่อมต่อเซิร์ฟเวอร์จังหวัด (&amp;C)</translation>
    </message>
    <message>
      <source>Choose &amp;files…</source>
      <translation>เลือกไฟล์ (&amp;F)…</translation>
    </message>
    <message>
      <source>Files from the national system</source>
      <translation>ไฟล์จากระบบ จปฐ. ระดับประเทศ</translation>
    </message>
    <message>
      <source>Making the demo province…</source>
      <translation>กำลังสร้างจังหวัดตัวอย่าง…</translation>
    </message>
    <message>
      <source>Downloading your area from the province server…</source>
      <translation>กำลังรับข้อมูลพื้นที่ของท่านจากเซิร์ฟเวอร์จังหวัด…</translation>
    </message>
    <message>
      <source>Importing files…</source>
      <translation>กำลังนำเข้าไฟล์…</translation>
    </message>
    <message>
      <source>Nothing was imported: %1 problem(s) found. Fix the files and try again.</source>
      <translation>ยังไม่ได้นำเข้าข้อมูลใด: พบปัญหา %1 รายการ แก้ไขไฟล์แล้วนำเข้าใหม่</translation>
    </message>
  </context>
  <context>
    <name>DemoUi</name>
    <message>
      <source>Remove the &amp;demo data…</source>
      <translation>ลบข้อมูลสาธิต… (&amp;D)</translation>
    </message>
    <message>
      <source>DEMO DATA (made up, not real)</source>
      <translation>ข้อมูลสาธิต (สร้างขึ้น ไม่ใช่ข้อมูลจริง)</translation>
    </message>
    <message>
      <source>Remove the demo data</source>
      <translation>ลบข้อมูลสาธิต</translation>
    </message>
    <message>
      <source>Remove every made-up household of the demo from this store? Data imported from the national system or received from the server stays.</source>
      <translation>ลบครัวเรือนสาธิตที่สร้างขึ้นทั้งหมดออกจากฐานข้อมูลนี้หรือไม่ ข้อมูลที่นำเข้าจากระบบ จปฐ. หรือรับจากเซิร์ฟเวอร์จะยังอยู่ครบ</translation>
    </message>
    <message>
      <source>&amp;Remove the demo data</source>
      <translation>ลบข้อมูลสาธิต (&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Keep it</source>
      <translation>เก็บไว้ (&amp;K)</translation>
    </message>
    <message>
      <source>Removing the demo data…</source>
      <translation>กำลังลบข้อมูลสาธิต…</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <source>Draft indicator set (ชุดตัวชี้วัดฉบับร่าง): not yet confirmed; do not certify with it</source>
      <translation>ชุดตัวชี้วัดฉบับร่าง: ยังไม่ได้ยืนยันเป็นทางการ ห้ามใช้รับรองข้อมูล</translation>
    </message>
    <message>
      <source>Village:</source>
      <translation>หมู่บ้าน:</translation>
    </message>
    <message>
      <source>Head:</source>
      <translation>หัวหน้าครัวเรือน:</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>สถานะ:</translation>
    </message>
    <message>
      <source>Record version:</source>
      <translation>ฉบับของข้อมูล:</translation>
    </message>
    <message>
      <source>Surveyed:</source>
      <translation>วันที่สำรวจ:</translation>
    </message>
    <message>
      <source>Sho&amp;w ID</source>
      <translation>แสดงเลขประจำตัว (&amp;W)</translation>
    </message>
    <message>
      <source>Show the full national ID of the selected member (recorded in the audit log)</source>
      <translation>แสดงเลขประจำตัวประชาชนเต็มของสมาชิกที่เลือก (บันทึกไว้ในบันทึกการใช้งาน)</translation>
    </message>
    <message>
      <source>Mar&amp;k reviewed</source>
      <translation>บันทึกว่าตรวจแล้ว (&amp;K)</translation>
    </message>
    <message>
      <source>Mark the selected households as reviewed (Ctrl+R)</source>
      <translation>บันทึกว่าครัวเรือนที่เลือกตรวจแล้ว (Ctrl+R)</translation>
    </message>
    <message>
      <source>Correct data…</source>
      <translation>แก้ไขข้อมูล…</translation>
    </message>
    <message>
      <source>Correct this household's data (Ctrl+E)</source>
      <translation>แก้ไขข้อมูลของครัวเรือนนี้ (Ctrl+E)</translation>
    </message>
    <message>
      <source>Mem&amp;bers</source>
      <translation>สมาชิก (&amp;B)</translation>
    </message>
    <message>
      <source>Income and e&amp;xpense</source>
      <translation>รายได้และรายจ่าย (&amp;X)</translation>
    </message>
    <message>
      <source>I&amp;ndicators</source>
      <translation>ตัวชี้วัด (&amp;N)</translation>
    </message>
    <message>
      <source>H&amp;istory</source>
      <translation>ประวัติ (&amp;I)</translation>
    </message>
    <message>
      <source>Select a household in the table to see its details.</source>
      <translation>เลือกครัวเรือนในตารางเพื่อดูรายละเอียด</translation>
    </message>
    <message>
      <source>No household selected</source>
      <translation>ยังไม่ได้เลือกครัวเรือน</translation>
    </message>
    <message>
      <source>House no. %1 · house code %2</source>
      <translation>บ้านเลขที่ %1 · รหัสบ้าน %2</translation>
    </message>
    <message>
      <source>To correct it, re-open the certification first (Certification → Re-open the certification…).</source>
      <translation>จะแก้ไขได้ต้องยกเลิกการรับรองก่อน (การรับรองข้อมูล → ยกเลิกการรับรอง…)</translation>
    </message>
    <message>
      <source>by %1</source>
      <translation>โดย %1</translation>
    </message>
  </context>
  <context>
    <name>DetailTables</name>
    <message>
      <source>No.</source>
      <translation>ลำดับ</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
      <source>National ID</source>
      <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>เพศ</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>อายุ</translation>
    </message>
    <message>
      <source>Birth date (B.E.)</source>
      <translation>วันเกิด (พ.ศ.)</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>ความสัมพันธ์</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>การศึกษา</translation>
    </message>
    <message>
      <source>Occupation</source>
      <translation>อาชีพ</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>สุขภาพ</translation>
    </message>
    <message>
      <source>(not self-reliant)</source>
      <translation>(ช่วยเหลือตนเองไม่ได้)</translation>
    </message>
    <message>
      <source>ID hidden; use “Show ID” (the reveal is recorded in the audit log)</source>
      <translation>ซ่อนเลขไว้ กด “แสดงเลขประจำตัว” เพื่อดูเลขเต็ม (ระบบบันทึกการเปิดดูไว้)</translation>
    </message>
    <message>
      <source>Full ID shown; this was recorded in the audit log</source>
      <translation>แสดงเลขเต็มแล้ว ระบบบันทึกการเปิดดูไว้ในบันทึกการใช้งาน</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>รายการ</translation>
    </message>
    <message>
      <source>Baht per year</source>
      <translation>บาท/ปี</translation>
    </message>
    <message>
      <source>Income</source>
      <translation>รายได้</translation>
    </message>
    <message>
      <source>Total income</source>
      <translation>รวมรายได้</translation>
    </message>
    <message>
      <source>Income per person</source>
      <translation>รายได้เฉลี่ยต่อคน</translation>
    </message>
    <message>
      <source>Threshold per person (this survey year)</source>
      <translation>เกณฑ์รายได้ต่อคน (ปีสำรวจนี้)</translation>
    </message>
    <message>
      <source>Expense</source>
      <translation>รายจ่าย</translation>
    </message>
    <message>
      <source>Total expense</source>
      <translation>รวมรายจ่าย</translation>
    </message>
    <message>
      <source>Expense per person</source>
      <translation>รายจ่ายเฉลี่ยต่อคน</translation>
    </message>
    <message>
      <source>%1 baht/person</source>
      <translation>%1 บาท/คน</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>ใช่</translation>
    </message>
    <message>
      <source>No</source>
      <translation>ไม่ใช่</translation>
    </message>
    <message>
      <source>Item no.</source>
      <translation>ข้อ</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>ตัวชี้วัด</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>ผล</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>เป้าหมาย</translation>
    </message>
    <message>
      <source>Failing</source>
      <translation>ไม่ผ่าน</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>คำตอบ</translation>
    </message>
    <message>
      <source>Category %1: %2</source>
      <translation>หมวดที่ %1: %2</translation>
    </message>
  </context>
  <context>
    <name>FileActions</name>
    <message>
      <source>E&amp;xport the area's households…</source>
      <translation>ส่งออกข้อมูลครัวเรือนของพื้นที่… (&amp;X)</translation>
    </message>
    <message>
      <source>Issue the &amp;correction notice…</source>
      <translation>ออกหนังสือแจ้งแก้ไขข้อมูล… (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Reprint a correction notice…</source>
      <translation>พิมพ์หนังสือแจ้งแก้ไขข้อมูลซ้ำ… (&amp;R)</translation>
    </message>
    <message>
      <source>Choose an area first.</source>
      <translation>เลือกพื้นที่ก่อน</translation>
    </message>
    <message>
      <source>Export the area's households</source>
      <translation>ส่งออกข้อมูลครัวเรือนของพื้นที่</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>กำลังส่งออก…</translation>
    </message>
    <message>
      <source>Issue the correction notice</source>
      <translation>ออกหนังสือแจ้งแก้ไขข้อมูล</translation>
    </message>
    <message>
      <source>Letter number (ที่) as your office numbers it; leave empty to fill in by hand:</source>
      <translation>เลขที่หนังสือ (ที่) ตามทะเบียนหนังสือส่งของสำนักงาน เว้นว่างไว้เพื่อเขียนด้วยมือ:</translation>
    </message>
    <message>
      <source>Issuing the correction notice…</source>
      <translation>กำลังออกหนังสือแจ้งแก้ไขข้อมูล…</translation>
    </message>
    <message>
      <source>Notice %1 issued: %2 correction(s), saved to %3. It holds personal data: keep it safe under the PDPA.</source>
      <translation>ออกหนังสือที่ %1 แล้ว: %2 รายการ บันทึกไว้ที่ %3 ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
      <source>No correction notice was issued for this area yet.</source>
      <translation>พื้นที่นี้ยังไม่เคยออกหนังสือแจ้งแก้ไขข้อมูล</translation>
    </message>
    <message>
      <source>%1 · %2 · %3 correction(s)</source>
      <translation>%1 · %2 · %3 รายการ</translation>
    </message>
    <message>
      <source>Reprint a correction notice</source>
      <translation>พิมพ์หนังสือแจ้งแก้ไขข้อมูลซ้ำ</translation>
    </message>
    <message>
      <source>Notice:</source>
      <translation>หนังสือ:</translation>
    </message>
    <message>
      <source>Reprinting the notice…</source>
      <translation>กำลังพิมพ์หนังสือซ้ำ…</translation>
    </message>
    <message>
      <source>Notice %1 reprinted to %2.</source>
      <translation>พิมพ์หนังสือที่ %1 ซ้ำไว้ที่ %2 แล้ว</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>All statuses</source>
      <translation>ทุกสถานะ</translation>
    </message>
    <message>
      <source>All households</source>
      <translation>ทุกครัวเรือน</translation>
    </message>
    <message>
      <source>Name, house no. or last digits of an ID (Ctrl+F)</source>
      <translation>ชื่อ บ้านเลขที่ หรือเลขท้ายบัตรประชาชน (Ctrl+F)</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>สถานะ (&amp;T):</translation>
    </message>
    <message>
      <source>Corr&amp;ections:</source>
      <translation>การแก้ไข (&amp;E):</translation>
    </message>
    <message>
      <source>F&amp;ails indicator:</source>
      <translation>ไม่ผ่านตัวชี้วัด (&amp;A):</translation>
    </message>
    <message>
      <source>Sear&amp;ch:</source>
      <translation>ค้นหา (&amp;C):</translation>
    </message>
    <message>
      <source>Any indicator</source>
      <translation>ทุกตัวชี้วัด</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>BMN Field Desk: first start</source>
      <translation>BMN Field Desk: เริ่มใช้งานครั้งแรก</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>ถัดไป (&amp;N) &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; ย้อนกลับ (&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>เสร็จสิ้น (&amp;F)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>&amp;Create store</source>
      <translation>สร้างฐานข้อมูล (&amp;C)</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <source>Imported</source>
      <translation>นำเข้า</translation>
    </message>
    <message>
      <source>Correction</source>
      <translation>แก้ไขข้อมูล</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>ยกเลิกการแก้ไข</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>สถานะ</translation>
    </message>
    <message>
      <source>Date / field</source>
      <translation>วันที่ / รายการ</translation>
    </message>
    <message>
      <source>Event / before</source>
      <translation>เหตุการณ์ / ค่าเดิม</translation>
    </message>
    <message>
      <source>By / after</source>
      <translation>ผู้ดำเนินการ / ค่าใหม่</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>เหตุผล</translation>
    </message>
    <message>
      <source>Revert correction…</source>
      <translation>ยกเลิกการแก้ไข…</translation>
    </message>
    <message>
      <source>Undo the selected correction; you will be asked for the reason</source>
      <translation>ยกเลิกการแก้ไขที่เลือก โดยจะถามเหตุผล</translation>
    </message>
    <message>
      <source>Imported (version %1)</source>
      <translation>นำเข้า (ฉบับที่ %1)</translation>
    </message>
    <message>
      <source>Member %1: %2</source>
      <translation>สมาชิกลำดับที่ %1: %2</translation>
    </message>
    <message>
      <source>recorded</source>
      <translation>บันทึกแล้ว</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>ส่งแจ้งแล้ว</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
      <source>not applied</source>
      <translation>ยังไม่แก้ไข</translation>
    </message>
    <message>
      <source>reverted</source>
      <translation>ยกเลิกแล้ว</translation>
    </message>
  </context>
  <context>
    <name>HouseholdModel</name>
    <message>
      <source>House no.</source>
      <translation>บ้านเลขที่</translation>
    </message>
    <message>
      <source>Village no.</source>
      <translation>หมู่ที่</translation>
    </message>
    <message>
      <source>House code</source>
      <translation>รหัสบ้าน</translation>
    </message>
    <message>
      <source>Head of household</source>
      <translation>หัวหน้าครัวเรือน</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>สมาชิก</translation>
    </message>
    <message>
      <source>Income/person (baht)</source>
      <translation>รายได้/คน/ปี (บาท)</translation>
    </message>
    <message>
      <source>Indicators failed</source>
      <translation>ไม่ผ่าน (ข้อ)</translation>
    </message>
    <message>
      <source>Review status</source>
      <translation>สถานะการตรวจ</translation>
    </message>
    <message>
      <source>Village code %1</source>
      <translation>รหัสหมู่บ้าน %1</translation>
    </message>
    <message>
      <source>Passes every indicator that applies</source>
      <translation>ผ่านทุกตัวชี้วัดที่เกี่ยวข้อง</translation>
    </message>
    <message>
      <source>Failed indicators: %1</source>
      <translation>ไม่ผ่านตัวชี้วัดข้อ %1</translation>
    </message>
  </context>
  <context>
    <name>ImportPages</name>
    <message>
      <source>%1: the header is row %2. Choose, for each column of the file, which column of ours or which indicator answer it holds.</source>
      <translation>%1: แถวหัวตารางคือแถวที่ %2 เลือกให้แต่ละคอลัมน์ของแฟ้มว่าเป็นคอลัมน์ใดของเรา หรือคำตอบตัวชี้วัดข้อใด</translation>
    </message>
    <message>
      <source>No column name was recognised: check that this row is the header.</source>
      <translation>ไม่รู้จักชื่อคอลัมน์ใดเลย: ตรวจดูว่าแถวนี้เป็นหัวตารางจริง</translation>
    </message>
    <message>
      <source>household table</source>
      <translation>แฟ้มครัวเรือน</translation>
    </message>
    <message>
      <source>member table</source>
      <translation>แฟ้มสมาชิก</translation>
    </message>
    <message>
      <source>&amp;Table holds:</source>
      <translation>ตารางนี้เป็น (&amp;T):</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>คอลัมน์ในไฟล์</translation>
    </message>
    <message>
      <source>Row %1</source>
      <translation>แถว %1</translation>
    </message>
    <message>
      <source>Our column</source>
      <translation>คอลัมน์ของโปรแกรม</translation>
    </message>
    <message>
      <source>Na&amp;me of this mapping (used again for files with the same headers):</source>
      <translation>ชื่อการจับคู่นี้ (&amp;M) (ใช้ซ้ำอัตโนมัติกับไฟล์ที่มีหัวตารางเหมือนกัน):</translation>
    </message>
    <message>
      <source>— not imported —</source>
      <translation>— ไม่นำเข้า —</translation>
    </message>
    <message>
      <source>Indicator %1 (target persons): %2</source>
      <translation>ตัวชี้วัดข้อ %1 (จำนวนคนเป้าหมาย): %2</translation>
    </message>
    <message>
      <source>Indicator %1: %2</source>
      <translation>ตัวชี้วัดข้อ %1: %2</translation>
    </message>
    <message>
      <source>Indicator %1</source>
      <translation>ตัวชี้วัดข้อ %1</translation>
    </message>
    <message>
      <source>Village</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>ชื่อ</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>เพิ่ม</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>เหมือนเดิม</translation>
    </message>
    <message>
      <source>Not in the file</source>
      <translation>ไม่มีในไฟล์</translation>
    </message>
    <message>
      <source>File is the whole village</source>
      <translation>ไฟล์นี้คือทั้งหมู่บ้าน</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>หมายเหตุ</translation>
    </message>
    <message>
      <source>move %1 to history</source>
      <translation>ย้าย %1 ครัวเรือนไปประวัติ</translation>
    </message>
    <message>
      <source>New village: check the code</source>
      <translation>หมู่บ้านใหม่: ตรวจรหัสหมู่บ้าน</translation>
    </message>
    <message>
      <source>%1 kept</source>
      <translation>เก็บไว้ %1 ครัวเรือน</translation>
    </message>
    <message>
      <source>File</source>
      <translation>ไฟล์</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>แถว</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>คอลัมน์</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>ค่า</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>ปัญหา</translation>
    </message>
    <message>
      <source>Warning: what to check</source>
      <translation>คำเตือน: สิ่งที่ต้องตรวจ</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>&amp;Import data…</source>
      <translation>นำเข้าข้อมูล… (&amp;I)</translation>
    </message>
    <message>
      <source>Import data</source>
      <translation>นำเข้าข้อมูล</translation>
    </message>
    <message>
      <source>These tables have column names the app does not know. Check the proposed columns; the mapping is saved for next time.</source>
      <translation>ตารางเหล่านี้ใช้ชื่อคอลัมน์ที่โปรแกรมไม่รู้จัก ตรวจคอลัมน์ที่โปรแกรมเสนอ แล้วกดถัดไป การจับคู่จะถูกบันทึกไว้ใช้ครั้งต่อไป</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; ย้อนกลับ (&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>ถัดไป (&amp;N) &gt;</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>นำเข้า (&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>ปิด (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Add files…</source>
      <translation>เพิ่มไฟล์… (&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>เอาออก (&amp;R)</translation>
    </message>
    <message>
      <source>Choose the household and member files (CSV or Excel .xlsx). Nothing changes until you have seen the preview and pressed Import.</source>
      <translation>เลือกแฟ้มครัวเรือนและแฟ้มสมาชิก (CSV หรือ Excel .xlsx) ข้อมูลจะยังไม่เปลี่ยนแปลงจนกว่าจะดูตัวอย่างผลและกดนำเข้า</translation>
    </message>
    <message>
      <source>&amp;Save problem list…</source>
      <translation>บันทึกรายการปัญหา… (&amp;S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>Files to import</source>
      <translation>ไฟล์ที่จะนำเข้า</translation>
    </message>
    <message>
      <source>Reading the headers…</source>
      <translation>กำลังอ่านหัวตาราง…</translation>
    </message>
    <message>
      <source>Checking the files…</source>
      <translation>กำลังตรวจไฟล์…</translation>
    </message>
    <message>
      <source>This store holds demo data</source>
      <translation>ฐานข้อมูลนี้มีข้อมูลสาธิต</translation>
    </message>
    <message>
      <source>The store holds the demo province (made-up households). Real data imported beside it would be counted with it in every report. Remove the demo data first?</source>
      <translation>ฐานข้อมูลนี้มีจังหวัดสาธิต (ครัวเรือนที่สร้างขึ้น) ถ้านำเข้าข้อมูลจริงไว้ด้วยกัน รายงานทุกฉบับจะนับรวมข้อมูลสาธิตด้วย ลบข้อมูลสาธิตก่อนหรือไม่</translation>
    </message>
    <message>
      <source>&amp;Remove the demo, then check the files</source>
      <translation>ลบข้อมูลสาธิต แล้วตรวจไฟล์ (&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>ยกเลิก (&amp;C)</translation>
    </message>
    <message>
      <source>%1 problem(s) found: nothing can be imported. Fix the files (the list says where and how) and try again.</source>
      <translation>พบปัญหา %1 รายการ จึงนำเข้าไม่ได้ แก้ไขไฟล์ตามรายการ (ระบุตำแหน่งและวิธีแก้) แล้วลองใหม่</translation>
    </message>
    <message>
      <source>Nothing has been changed yet. Added %1, changed %2, unchanged %3 households. Households of these villages that are not in the files (%4) are kept, unless you tick that a file is the whole village.</source>
      <translation>ยังไม่มีการเปลี่ยนแปลงข้อมูล: เพิ่ม %1 เปลี่ยนแปลง %2 เหมือนเดิม %3 ครัวเรือน ครัวเรือนของหมู่บ้านเหล่านี้ที่ไม่มีในไฟล์ (%4) จะเก็บไว้ตามเดิม เว้นแต่ทำเครื่องหมายว่าไฟล์นี้คือทั้งหมู่บ้าน</translation>
    </message>
    <message>
      <source>Every household in the files is as the store already holds it: there is nothing to import.</source>
      <translation>ทุกครัวเรือนในไฟล์เหมือนกับข้อมูลที่มีอยู่แล้ว: ไม่มีอะไรต้องนำเข้า</translation>
    </message>
    <message>
      <source>The store does not know these villages yet: %1. I have checked the codes; create them.</source>
      <translation>ฐานข้อมูลยังไม่มีหมู่บ้านเหล่านี้: %1 ตรวจรหัสหมู่บ้านแล้ว ให้สร้างหมู่บ้านใหม่</translation>
    </message>
    <message>
      <source>%1 unusual value(s): they may be right, but check each one (the list says where and what to check).</source>
      <translation>พบค่าที่ผิดปกติ %1 รายการ: ค่าเหล่านี้อาจถูกต้อง แต่ให้ตรวจทีละรายการ (รายการบอกตำแหน่งและสิ่งที่ต้องตรวจ)</translation>
    </message>
    <message>
      <source>I have checked the %1 unusual value(s) listed; they are correct: import them.</source>
      <translation>ตรวจค่าที่ผิดปกติ %1 รายการข้างต้นแล้ว ยืนยันว่าค่าเหล่านี้ถูกต้อง ให้นำเข้า</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>กำลังนำเข้า…</translation>
    </message>
    <message>
      <source>Imported: added %1, changed %2, unchanged %3 households; %4 moved to history, %5 not in the files kept.</source>
      <translation>นำเข้าแล้ว: เพิ่ม %1 เปลี่ยนแปลง %2 เหมือนเดิม %3 ครัวเรือน ย้ายไปประวัติ %4 ไม่มีในไฟล์แต่เก็บไว้ %5</translation>
    </message>
    <message>
      <source>Save problem list</source>
      <translation>บันทึกรายการปัญหา</translation>
    </message>
  </context>
  <context>
    <name>IndicatorSetDialog</name>
    <message>
      <source>Load an indicator set</source>
      <translation>โหลดชุดตัวชี้วัด</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>เลือกไฟล์…</translation>
    </message>
    <message>
      <source>A JSON or XLSX file in the format of docs/indicator-format.md</source>
      <translation>ไฟล์ JSON หรือ XLSX ตามรูปแบบใน docs/indicator-format.md</translation>
    </message>
    <message>
      <source>Load and re-evaluate</source>
      <translation>โหลดและประเมินผลใหม่</translation>
    </message>
    <message>
      <source>Indicator set file:</source>
      <translation>ไฟล์ชุดตัวชี้วัด:</translation>
    </message>
    <message>
      <source>Indicator set file</source>
      <translation>ไฟล์ชุดตัวชี้วัด</translation>
    </message>
    <message>
      <source>Indicator sets (*.json *.xlsx)</source>
      <translation>ชุดตัวชี้วัด (*.json *.xlsx)</translation>
    </message>
    <message>
      <source>This file cannot be used:</source>
      <translation>ใช้ไฟล์นี้ไม่ได้:</translation>
    </message>
    <message>
      <source>Period: %1 · survey years: %2</source>
      <translation>ช่วงปี: %1 · ปีสำรวจ: %2</translation>
    </message>
    <message>
      <source>%1 indicators in %2 categories</source>
      <translation>%1 ตัวชี้วัด ใน %2 หมวด</translation>
    </message>
    <message>
      <source>Provisional set (ชุดตัวชี้วัดฉบับร่าง)</source>
      <translation>ชุดตัวชี้วัดฉบับร่าง (ยังไม่ใช่ฉบับทางการ)</translation>
    </message>
    <message>
      <source>Re-evaluating households…</source>
      <translation>กำลังประเมินผลครัวเรือนใหม่…</translation>
    </message>
    <message>
      <source>Re-evaluated %1 households; the results of %2 changed.</source>
      <translation>ประเมินผลใหม่ %1 ครัวเรือน ผลเปลี่ยน %2 ครัวเรือน</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Imported</source>
      <translation>นำเข้าแล้ว</translation>
    </message>
    <message>
      <source>Reviewed</source>
      <translation>ตรวจแล้ว</translation>
    </message>
    <message>
      <source>Correction requested</source>
      <translation>ขอแก้ไข</translation>
    </message>
    <message>
      <source>Corrected upstream</source>
      <translation>แก้ไขแล้วในระบบ</translation>
    </message>
    <message>
      <source>Certified</source>
      <translation>รับรองแล้ว</translation>
    </message>
    <message>
      <source>Any correction</source>
      <translation>มีการแก้ไข (ทุกสถานะ)</translation>
    </message>
    <message>
      <source>Open corrections</source>
      <translation>การแก้ไขที่ยังค้างอยู่</translation>
    </message>
    <message>
      <source>Correction recorded</source>
      <translation>การแก้ไข: บันทึกแล้ว</translation>
    </message>
    <message>
      <source>Correction sent upstream</source>
      <translation>การแก้ไข: ส่งแจ้งแล้ว</translation>
    </message>
    <message>
      <source>Correction confirmed</source>
      <translation>การแก้ไข: ยืนยันแล้ว</translation>
    </message>
    <message>
      <source>Correction not applied</source>
      <translation>การแก้ไข: ยังไม่ได้แก้ในระบบ</translation>
    </message>
    <message>
      <source>Correction reverted</source>
      <translation>การแก้ไข: ยกเลิกแล้ว</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>ผ่าน</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>ไม่ผ่าน</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>ไม่เกี่ยวข้อง</translation>
    </message>
    <message>
      <source>Tambon coordinator</source>
      <translation>ผู้ประสานงานระดับตำบล</translation>
    </message>
    <message>
      <source>District officer</source>
      <translation>เจ้าหน้าที่ระดับอำเภอ</translation>
    </message>
    <message>
      <source>Province officer</source>
      <translation>เจ้าหน้าที่ระดับจังหวัด</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>ชาย</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>หญิง</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>ปกติ</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>พิการ</translation>
    </message>
    <message>
      <source>Chronically ill</source>
      <translation>ป่วยเรื้อรัง</translation>
    </message>
    <message>
      <source>Main occupation</source>
      <translation>อาชีพหลัก</translation>
    </message>
    <message>
      <source>Secondary occupation</source>
      <translation>อาชีพเสริม</translation>
    </message>
    <message>
      <source>Other income</source>
      <translation>รายได้อื่น ๆ</translation>
    </message>
    <message>
      <source>Own produce (value)</source>
      <translation>ผลผลิตที่ผลิตเอง (คิดเป็นเงิน)</translation>
    </message>
    <message>
      <source>Production costs</source>
      <translation>ค่าใช้จ่ายในการผลิต</translation>
    </message>
    <message>
      <source>Necessary spending</source>
      <translation>ค่าใช้จ่ายที่จำเป็น</translation>
    </message>
    <message>
      <source>Unnecessary spending</source>
      <translation>ค่าใช้จ่ายที่ไม่จำเป็น</translation>
    </message>
    <message>
      <source>Debt repayment</source>
      <translation>ชำระหนี้สิน</translation>
    </message>
    <message>
      <source>No. %1 %2</source>
      <translation>ข้อ %1 %2</translation>
    </message>
  </context>
  <context>
    <name>Launch</name>
    <message>
      <source>BMN Field Desk</source>
      <translation>BMN Field Desk</translation>
    </message>
    <message>
      <source>No store at %1: create one first (main.py demo).</source>
      <translation>ไม่พบฐานข้อมูล %1: สร้างก่อนด้วยคำสั่ง main.py demo</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1 — BMN survey review</source>
      <translation>%1 — ตรวจสอบข้อมูล จปฐ.</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>ครัวเรือน</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>รายงาน</translation>
    </message>
    <message>
      <source>Mark &amp;reviewed</source>
      <translation>บันทึกว่าตรวจแล้ว (&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Find household</source>
      <translation>ค้นหาครัวเรือน (&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
      <source>H&amp;ousehold</source>
      <translation>ครัวเรือน (&amp;O)</translation>
    </message>
    <message>
      <source>Re&amp;ports</source>
      <translation>รายงาน (&amp;P)</translation>
    </message>
    <message>
      <source>In&amp;dicators</source>
      <translation>ตัวชี้วัด (&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Load a new indicator set…</source>
      <translation>โหลดชุดตัวชี้วัดใหม่… (&amp;L)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Next pane</source>
      <translation>ช่องถัดไป (&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Previous pane</source>
      <translation>ช่องก่อนหน้า (&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>เกี่ยวกับโปรแกรม (&amp;A)</translation>
    </message>
    <message>
      <source>Cancelled: nothing was changed.</source>
      <translation>ยกเลิกแล้ว: ไม่มีการเปลี่ยนแปลงข้อมูล</translation>
    </message>
    <message>
      <source>No officer profile</source>
      <translation>ยังไม่ได้ตั้งข้อมูลผู้ใช้งาน</translation>
    </message>
    <message>
      <source>No survey data yet</source>
      <translation>ยังไม่มีข้อมูลการสำรวจ</translation>
    </message>
    <message>
      <source>Another area: the search and filters were cleared.</source>
      <translation>เปลี่ยนพื้นที่แล้ว: ล้างคำค้นและตัวกรองให้แล้ว</translation>
    </message>
    <message>
      <source>Showing the ID…</source>
      <translation>กำลังแสดงเลขประจำตัว…</translation>
    </message>
    <message>
      <source>Select one or more households first.</source>
      <translation>เลือกครัวเรือนอย่างน้อยหนึ่งครัวเรือนก่อน</translation>
    </message>
    <message>
      <source>Marking households reviewed…</source>
      <translation>กำลังบันทึกว่าตรวจแล้ว…</translation>
    </message>
    <message>
      <source>Marked %1 household(s) reviewed.</source>
      <translation>บันทึกว่าตรวจแล้ว %1 ครัวเรือน</translation>
    </message>
    <message>
      <source>Loading households…</source>
      <translation>กำลังโหลดรายการครัวเรือน…</translation>
    </message>
    <message>
      <source>%1 households shown</source>
      <translation>แสดง %1 ครัวเรือน</translation>
    </message>
    <message>
      <source>The language changes the next time the program starts.</source>
      <translation>ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
  </context>
  <context>
    <name>Meeting</name>
    <message>
      <source>Meeting pack</source>
      <translation>ชุดเอกสารประชุม</translation>
    </message>
    <message>
      <source>Include the lists of households failing the income indicator (personal data)</source>
      <translation>รวมรายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์รายได้ (ข้อมูลส่วนบุคคล)</translation>
    </message>
    <message>
      <source>Also as an Excel workbook (a sheet per report)</source>
      <translation>ทำเป็นไฟล์ Excel ด้วย (หนึ่งแผ่นงานต่อรายงาน)</translation>
    </message>
    <message>
      <source>Also as PowerPoint slides</source>
      <translation>ทำเป็นสไลด์ PowerPoint ด้วย</translation>
    </message>
    <message>
      <source>&amp;Meeting:</source>
      <translation>การประชุม (&amp;M):</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>วันที่ (&amp;D):</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>สถานที่ (&amp;P):</translation>
    </message>
    <message>
      <source>Create…</source>
      <translation>สร้าง…</translation>
    </message>
    <message>
      <source>Meeting &amp;pack…</source>
      <translation>ชุดเอกสารประชุม (&amp;P)…</translation>
    </message>
    <message>
      <source>Pro&amp;jector view</source>
      <translation>นำเสนอเต็มจอ (&amp;J)</translation>
    </message>
    <message>
      <source>Choose an area in the tree first.</source>
      <translation>เลือกพื้นที่ในรายการพื้นที่ก่อน</translation>
    </message>
    <message>
      <source>Save the meeting pack</source>
      <translation>บันทึกชุดเอกสารประชุม</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Writing the meeting pack…</source>
      <translation>กำลังเขียนชุดเอกสารประชุม…</translation>
    </message>
    <message>
      <source>Building the meeting pack…</source>
      <translation>กำลังสร้างชุดเอกสารประชุม…</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>บันทึกแล้ว: %1</translation>
    </message>
    <message>
      <source>Preparing the projector view…</source>
      <translation>กำลังเตรียมการนำเสนอเต็มจอ…</translation>
    </message>
  </context>
  <context>
    <name>Monitoring</name>
    <message>
      <source>Enter back-check answers</source>
      <translation>บันทึกผลการตรวจสอบซ้ำ</translation>
    </message>
    <message>
      <source>Scan the QR code or type the code on the sheet, then Enter</source>
      <translation>สแกนคิวอาร์โค้ดหรือพิมพ์รหัสบนแบบ แล้วกด Enter</translation>
    </message>
    <message>
      <source>No household open.</source>
      <translation>ยังไม่ได้เปิดครัวเรือน</translation>
    </message>
    <message>
      <source>DD/MM/YYYY (Buddhist era)</source>
      <translation>วว/ดด/ปปปป (พ.ศ.)</translation>
    </message>
    <message>
      <source>&amp;Save and next</source>
      <translation>บันทึกแล้วทำแบบถัดไป (&amp;S)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>Sheet code</source>
      <translation>รหัสแบบ</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>ผู้ตรวจสอบซ้ำ</translation>
    </message>
    <message>
      <source>Date asked</source>
      <translation>วันที่ตรวจสอบซ้ำ</translation>
    </message>
    <message>
      <source>No sampled household has this code.</source>
      <translation>ไม่มีครัวเรือนตัวอย่างที่ใช้รหัสนี้</translation>
    </message>
    <message>
      <source>Age (years)</source>
      <translation>อายุ (ปี)</translation>
    </message>
    <message>
      <source>Ages by member number</source>
      <translation>อายุตามลำดับสมาชิก</translation>
    </message>
    <message>
      <source>baht a year</source>
      <translation>บาทต่อปี</translation>
    </message>
    <message>
      <source>number</source>
      <translation>จำนวน</translation>
    </message>
    <message>
      <source>Log &amp;a visit…</source>
      <translation>บันทึกการติดตาม… (&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Correct visit…</source>
      <translation>แก้ไขการติดตาม… (&amp;C)</translation>
    </message>
    <message>
      <source>Dra&amp;w sample</source>
      <translation>สุ่มตัวอย่าง (&amp;W)</translation>
    </message>
    <message>
      <source>Print shee&amp;ts…</source>
      <translation>พิมพ์แบบตรวจสอบซ้ำ… (&amp;T)</translation>
    </message>
    <message>
      <source>Enter a&amp;nswers…</source>
      <translation>บันทึกผลตรวจสอบซ้ำ… (&amp;N)</translation>
    </message>
    <message>
      <source>Ra&amp;ise correction</source>
      <translation>ส่งแก้ไขข้อมูล (&amp;I)</translation>
    </message>
    <message>
      <source>Follow-&amp;up report…</source>
      <translation>รายงานผลการติดตาม… (&amp;U)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>วันที่</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>ระดับ</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>รหัส</translation>
    </message>
    <message>
      <source>Villages</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>Sample</source>
      <translation>ตัวอย่าง</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>ตรวจซ้ำแล้ว</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>ผู้ติดตาม</translation>
    </message>
    <message>
      <source>Village</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>House no.</source>
      <translation>บ้านเลขที่</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>ผล</translation>
    </message>
    <message>
      <source>Differs</source>
      <translation>รายการที่ไม่ตรง</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>พื้นที่</translation>
    </message>
    <message>
      <source>Compared</source>
      <translation>รายการที่เปรียบเทียบ</translation>
    </message>
    <message>
      <source>Matching</source>
      <translation>ตรงกัน</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>ความเชื่อมั่น</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>ตัวชี้วัด</translation>
    </message>
    <message>
      <source>Collector</source>
      <translation>ผู้จัดเก็บข้อมูล</translation>
    </message>
    <message>
      <source>Visits done / required</source>
      <translation>ติดตามแล้ว / ที่กำหนด</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>สิ่งที่ยังขาด</translation>
    </message>
    <message>
      <source>Sampled households</source>
      <translation>ครัวเรือนตัวอย่าง</translation>
    </message>
    <message>
      <source>By area</source>
      <translation>รายพื้นที่</translation>
    </message>
    <message>
      <source>By indicator</source>
      <translation>รายตัวชี้วัด</translation>
    </message>
    <message>
      <source>By collector</source>
      <translation>รายผู้จัดเก็บข้อมูล</translation>
    </message>
    <message>
      <source>KPI by district</source>
      <translation>ตัวชี้วัดรายอำเภอ</translation>
    </message>
    <message>
      <source>Confidence %1</source>
      <translation>ความเชื่อมั่น %1</translation>
    </message>
    <message>
      <source>%1 of %2 items match · target %3 % · %4</source>
      <translation>ตรงกัน %1 จาก %2 รายการ · เป้าหมายร้อยละ %3 · %4</translation>
    </message>
    <message>
      <source>weighted by items</source>
      <translation>ถ่วงน้ำหนักตามจำนวนรายการ</translation>
    </message>
    <message>
      <source>mean of villages</source>
      <translation>ค่าเฉลี่ยของหมู่บ้าน</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>ครบ</translation>
    </message>
    <message>
      <source>not yet checked</source>
      <translation>ยังไม่ได้ตรวจสอบ</translation>
    </message>
    <message>
      <source>%1/%2 match</source>
      <translation>ตรงกัน %1/%2</translation>
    </message>
    <message>
      <source>Log a monitoring visit</source>
      <translation>บันทึกการติดตามการจัดเก็บข้อมูล</translation>
    </message>
    <message>
      <source>District</source>
      <translation>อำเภอ</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>จังหวัด</translation>
    </message>
    <message>
      <source>One visitor a line: name | position</source>
      <translation>ผู้ติดตามบรรทัดละคน: ชื่อ | ตำแหน่ง</translation>
    </message>
    <message>
      <source>Process checklist</source>
      <translation>รายการตรวจสอบการดำเนินงาน</translation>
    </message>
    <message>
      <source>Withdraw this visit (it no longer counts)</source>
      <translation>ยกเลิกการติดตามครั้งนี้ (ไม่นับรวมอีก)</translation>
    </message>
    <message>
      <source>Visiting office (area code)</source>
      <translation>หน่วยที่ติดตาม (รหัสพื้นที่)</translation>
    </message>
    <message>
      <source>Villages visited</source>
      <translation>หมู่บ้านที่ไปติดตาม</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>หมายเหตุ</translation>
    </message>
    <message>
      <source>Correct a monitoring visit</source>
      <translation>แก้ไขข้อมูลการติดตาม</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>วางแผน</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>การติดตาม</translation>
    </message>
    <message>
      <source>&amp;Monitoring</source>
      <translation>การติดตาม (&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Log a visit…</source>
      <translation>บันทึกการติดตาม… (&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Enter back-check answers…</source>
      <translation>บันทึกผลการตรวจสอบซ้ำ… (&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Follow-up report…</source>
      <translation>รายงานผลการติดตาม… (&amp;F)</translation>
    </message>
    <message>
      <source>Load monitoring &amp;settings…</source>
      <translation>โหลดค่าตั้งการติดตาม… (&amp;S)</translation>
    </message>
    <message>
      <source>Monitoring &amp;board</source>
      <translation>กระดานติดตามผล (&amp;B)</translation>
    </message>
    <message>
      <source>Import data first.</source>
      <translation>ยังไม่มีข้อมูล: นำเข้าข้อมูลก่อน</translation>
    </message>
    <message>
      <source>Saving the visit…</source>
      <translation>กำลังบันทึกการติดตาม…</translation>
    </message>
    <message>
      <source>The visit was logged.</source>
      <translation>บันทึกการติดตามแล้ว</translation>
    </message>
    <message>
      <source>Drawing the sample…</source>
      <translation>กำลังสุ่มตัวอย่าง…</translation>
    </message>
    <message>
      <source>The sample was drawn.</source>
      <translation>สุ่มตัวอย่างแล้ว</translation>
    </message>
    <message>
      <source>Save the back-check sheets</source>
      <translation>บันทึกแบบตรวจสอบซ้ำ</translation>
    </message>
    <message>
      <source>Printing the sheets…</source>
      <translation>กำลังสร้างแบบตรวจสอบซ้ำ…</translation>
    </message>
    <message>
      <source>The sheets were saved.</source>
      <translation>บันทึกแบบตรวจสอบซ้ำแล้ว</translation>
    </message>
    <message>
      <source>Saved. Scan or type the next sheet's code.</source>
      <translation>บันทึกแล้ว สแกนหรือพิมพ์รหัสของแบบถัดไป</translation>
    </message>
    <message>
      <source>Saving the answers…</source>
      <translation>กำลังบันทึกผลการตรวจสอบซ้ำ…</translation>
    </message>
    <message>
      <source>The back-check answers were saved.</source>
      <translation>บันทึกผลการตรวจสอบซ้ำแล้ว</translation>
    </message>
    <message>
      <source>Correct these by hand in the correction dialog:</source>
      <translation>รายการต่อไปนี้ต้องแก้ไขเองในหน้าต่างแก้ไขข้อมูล:</translation>
    </message>
    <message>
      <source>Recording the correction…</source>
      <translation>กำลังบันทึกการแก้ไขข้อมูล…</translation>
    </message>
    <message>
      <source>The correction was recorded.</source>
      <translation>บันทึกการแก้ไขข้อมูลแล้ว</translation>
    </message>
    <message>
      <source>Load monitoring settings</source>
      <translation>โหลดค่าตั้งการติดตาม</translation>
    </message>
    <message>
      <source>Loading the settings…</source>
      <translation>กำลังโหลดค่าตั้ง…</translation>
    </message>
    <message>
      <source>The monitoring settings were loaded.</source>
      <translation>โหลดค่าตั้งการติดตามแล้ว</translation>
    </message>
    <message>
      <source>Choose an area first.</source>
      <translation>เลือกพื้นที่ก่อน</translation>
    </message>
    <message>
      <source>Save the follow-up report</source>
      <translation>บันทึกรายงานผลการติดตาม</translation>
    </message>
    <message>
      <source>Writing the follow-up report…</source>
      <translation>กำลังสร้างรายงานผลการติดตาม…</translation>
    </message>
    <message>
      <source>The follow-up report was saved.</source>
      <translation>บันทึกรายงานผลการติดตามแล้ว</translation>
    </message>
  </context>
  <context>
    <name>PassphraseDialog</name>
    <message>
      <source>Open the store</source>
      <translation>เปิดฐานข้อมูล</translation>
    </message>
    <message>
      <source>Type the passphrase of the store:</source>
      <translation>พิมพ์รหัสผ่านของฐานข้อมูล:</translation>
    </message>
    <message>
      <source>Keep the passphrase in this computer's keyring</source>
      <translation>เก็บรหัสผ่านไว้ในที่เก็บรหัสผ่าน (keyring) ของเครื่องนี้</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>เปิด</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>Type the passphrase first.</source>
      <translation>กรุณาพิมพ์รหัสผ่านก่อน</translation>
    </message>
    <message>
      <source>Opening the store…</source>
      <translation>กำลังเปิดฐานข้อมูล…</translation>
    </message>
  </context>
  <context>
    <name>PassphrasePage</name>
    <message>
      <source>Protect the store with a passphrase</source>
      <translation>ตั้งรหัสผ่านฐานข้อมูล</translation>
    </message>
    <message>
      <source>The household data are encrypted on this computer. Choose a passphrase of at least %1 characters and keep it safe: without it the data cannot be opened.</source>
      <translation>ข้อมูลครัวเรือนถูกเข้ารหัสไว้ในเครื่องนี้ ตั้งรหัสผ่านอย่างน้อย %1 ตัวอักษรและเก็บรักษาให้ดี หากลืมรหัสผ่านจะเปิดข้อมูลไม่ได้</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>รหัสผ่าน (&amp;P):</translation>
    </message>
    <message>
      <source>&amp;Again:</source>
      <translation>รหัสผ่านอีกครั้ง (&amp;A):</translation>
    </message>
    <message>
      <source>The passphrase will be kept in this computer's keyring, so you will not have to type it at every start.</source>
      <translation>ระบบจะเก็บรหัสผ่านไว้ในที่เก็บรหัสผ่าน (keyring) ของเครื่องนี้ ไม่ต้องพิมพ์ทุกครั้งที่เปิดโปรแกรม</translation>
    </message>
    <message>
      <source>This computer has no keyring: the passphrase will be asked at every start.</source>
      <translation>เครื่องนี้ไม่มีที่เก็บรหัสผ่าน (keyring): โปรแกรมจะถามรหัสผ่านทุกครั้งที่เปิด</translation>
    </message>
    <message>
      <source>At least %1 characters.</source>
      <translation>อย่างน้อย %1 ตัวอักษร</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
      <source>OK.</source>
      <translation>ใช้ได้</translation>
    </message>
    <message>
      <source>Creating the encrypted store…</source>
      <translation>กำลังสร้างฐานข้อมูลเข้ารหัส…</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>The report PDF could not be opened: %1</source>
      <translation>เปิดไฟล์ PDF ของรายงานไม่ได้: %1</translation>
    </message>
    <message>
      <source>The printer could not be opened. Check that it is switched on and try again.</source>
      <translation>ใช้งานเครื่องพิมพ์ไม่ได้ ตรวจสอบว่าเปิดเครื่องพิมพ์และเชื่อมต่อแล้ว แล้วลองใหม่</translation>
    </message>
    <message>
      <source>Print preview — %1</source>
      <translation>ดูตัวอย่างก่อนพิมพ์ — %1</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ หน้าก่อน</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>หน้าถัดไป ▶</translation>
    </message>
    <message>
      <source>&amp;Page:</source>
      <translation>หน้า (&amp;P):</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>ย่อ</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>ขยาย</translation>
    </message>
    <message>
      <source>Fit &amp;width</source>
      <translation>พอดีความกว้าง (&amp;W)</translation>
    </message>
    <message>
      <source>Whole p&amp;age</source>
      <translation>ทั้งหน้า (&amp;A)</translation>
    </message>
    <message>
      <source>P&amp;rint…</source>
      <translation>พิมพ์ (&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>ปิด (&amp;C)</translation>
    </message>
    <message>
      <source>of %1</source>
      <translation>จาก %1</translation>
    </message>
  </context>
  <context>
    <name>ProblemsTable</name>
    <message>
      <source>File</source>
      <translation>ไฟล์</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>แถว</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>คอลัมน์</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>ค่า</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>ปัญหา</translation>
    </message>
  </context>
  <context>
    <name>ProfilePage</name>
    <message>
      <source>Who are you?</source>
      <translation>ข้อมูลผู้ใช้งาน</translation>
    </message>
    <message>
      <source>Your name and level go into the audit log with everything you change.</source>
      <translation>ชื่อและระดับของท่านจะถูกบันทึกไว้ในบันทึกการใช้งานทุกครั้งที่มีการเปลี่ยนแปลงข้อมูล</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>ชื่อ-สกุล (&amp;N):</translation>
    </message>
    <message>
      <source>P&amp;osition:</source>
      <translation>ตำแหน่ง (&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Level:</source>
      <translation>ระดับ (&amp;L):</translation>
    </message>
    <message>
      <source>P&amp;rovince:</source>
      <translation>จังหวัด (&amp;R):</translation>
    </message>
    <message>
      <source>&amp;District:</source>
      <translation>อำเภอ (&amp;D):</translation>
    </message>
    <message>
      <source>&amp;Tambon:</source>
      <translation>ตำบล (&amp;T):</translation>
    </message>
    <message>
      <source>— whole province —</source>
      <translation>— ทั้งจังหวัด —</translation>
    </message>
    <message>
      <source>— whole district —</source>
      <translation>— ทั้งอำเภอ —</translation>
    </message>
    <message>
      <source>Saving the profile…</source>
      <translation>กำลังบันทึกข้อมูลผู้ใช้งาน…</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <source>Working…</source>
      <translation>กำลังทำงาน…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>กรุณารอสักครู่</translation>
    </message>
    <message>
      <source>Something went wrong and the work was not finished. Nothing half-done was saved. Please try again; if it happens again, send the details below to the district office.</source>
      <translation>เกิดข้อผิดพลาด งานนี้ยังไม่เสร็จ และไม่มีข้อมูลที่ทำค้างไว้ถูกบันทึก กรุณาลองใหม่ หากยังเกิดซ้ำ ให้ส่งรายละเอียดด้านล่างถึงสำนักงานพัฒนาชุมชนอำเภอ</translation>
    </message>
    <message>
      <source>BMN Field Desk</source>
      <translation>BMN Field Desk</translation>
    </message>
  </context>
  <context>
    <name>Projector</name>
    <message>
      <source>Projector</source>
      <translation>นำเสนอเต็มจอ</translation>
    </message>
  </context>
  <context>
    <name>ReportChart</name>
    <message>
      <source>Passing each indicator (% of persons or households, by the indicator's unit)</source>
      <translation>ร้อยละที่ผ่านเกณฑ์ รายตัวชี้วัด (ของคนหรือครัวเรือน ตามหน่วยของตัวชี้วัด)</translation>
    </message>
    <message>
      <source>Category %1</source>
      <translation>หมวดที่ %1</translation>
    </message>
    <message>
      <source>Indicator no.</source>
      <translation>ตัวชี้วัดที่</translation>
    </message>
    <message>
      <source>%, axis from %1% (not 0)</source>
      <translation>ร้อยละ (แกนเริ่มที่ %1% ไม่ใช่ 0)</translation>
    </message>
    <message>
      <source>No. %1: nobody in the target group</source>
      <translation>ตัวชี้วัดที่ %1: ไม่มีกลุ่มเป้าหมาย</translation>
    </message>
    <message>
      <source>No. %1: %2% pass</source>
      <translation>ตัวชี้วัดที่ %1: ผ่านเกณฑ์ร้อยละ %2</translation>
    </message>
    <message>
      <source>Click to list the households failing it</source>
      <translation>คลิกเพื่อดูรายชื่อครัวเรือนที่ไม่ผ่าน</translation>
    </message>
  </context>
  <context>
    <name>ReportOutput</name>
    <message>
      <source>Population report</source>
      <translation>รายงานประชากร</translation>
    </message>
    <message>
      <source>Indicator results report</source>
      <translation>รายงานผลตัวชี้วัด</translation>
    </message>
    <message>
      <source>Income and expenses report</source>
      <translation>รายงานรายได้-รายจ่ายเฉลี่ย</translation>
    </message>
    <message>
      <source>Households failing the income indicator</source>
      <translation>รายงานครัวเรือนไม่ผ่านเกณฑ์รายได้</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
      <source>The file could not be written (%1). Choose another folder and try again.</source>
      <translation>บันทึกไฟล์ไม่ได้ (%1) เลือกโฟลเดอร์อื่นแล้วลองใหม่</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>บันทึกรายงาน</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>กำลังบันทึกรายงาน…</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>บันทึกแล้ว: %1</translation>
    </message>
    <message>
      <source>Preparing the report for printing…</source>
      <translation>กำลังเตรียมรายงานสำหรับพิมพ์…</translation>
    </message>
    <message>
      <source>Print the report</source>
      <translation>พิมพ์รายงาน</translation>
    </message>
    <message>
      <source>Sent %1 page(s) to the printer.</source>
      <translation>ส่งไปพิมพ์แล้ว %1 หน้า</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>กำลังพิมพ์…</translation>
    </message>
  </context>
  <context>
    <name>ReportTable</name>
    <message>
      <source>Double-click to show this household</source>
      <translation>ดับเบิลคลิกเพื่อแสดงครัวเรือนนี้</translation>
    </message>
    <message>
      <source>Double-click to list these households</source>
      <translation>ดับเบิลคลิกเพื่อดูรายชื่อครัวเรือนเหล่านี้</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <source>Population</source>
      <translation>ประชากร</translation>
    </message>
    <message>
      <source>Indicator results</source>
      <translation>ผลตัวชี้วัด</translation>
    </message>
    <message>
      <source>Average income and expenses</source>
      <translation>รายได้-รายจ่ายเฉลี่ย</translation>
    </message>
    <message>
      <source>Households failing the income indicator</source>
      <translation>ครัวเรือนไม่ผ่านเกณฑ์รายได้</translation>
    </message>
    <message>
      <source>Draft indicator set (ชุดตัวชี้วัดฉบับร่าง): not yet confirmed; do not certify with it</source>
      <translation>ชุดตัวชี้วัดฉบับร่าง: ยังไม่ได้ยืนยันเป็นทางการ ห้ามใช้รับรองข้อมูล</translation>
    </message>
    <message>
      <source>Confidential — personal data</source>
      <translation>ลับ — ข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
      <source>Choose an area in the tree.</source>
      <translation>เลือกพื้นที่จากรายการด้านซ้าย</translation>
    </message>
    <message>
      <source>Repor&amp;t:</source>
      <translation>รายงาน (&amp;T):</translation>
    </message>
    <message>
      <source>Thai di&amp;gits</source>
      <translation>เลขไทย (&amp;G)</translation>
    </message>
    <message>
      <source>Print numbers in Thai digits (๐๑๒…) in PDF and printouts</source>
      <translation>ใช้เลขไทย (๐๑๒…) ในไฟล์ PDF และงานพิมพ์</translation>
    </message>
    <message>
      <source>As corr&amp;ected</source>
      <translation>ตามที่แก้ไขแล้ว (&amp;E)</translation>
    </message>
    <message>
      <source>Build the report with the recorded corrections applied</source>
      <translation>สร้างรายงานโดยใช้ข้อมูลตามที่บันทึกการแก้ไขไว้</translation>
    </message>
    <message>
      <source>By L&amp;AO</source>
      <translation>แยกตาม อปท. (&amp;A)</translation>
    </message>
    <message>
      <source>List the local administrations (LAO) of the area instead of its tambons</source>
      <translation>แสดงรายองค์กรปกครองส่วนท้องถิ่น (อปท.) ของพื้นที่แทนรายตำบล</translation>
    </message>
    <message>
      <source>Save PDF…</source>
      <translation>บันทึก PDF…</translation>
    </message>
    <message>
      <source>Save Excel…</source>
      <translation>บันทึก Excel…</translation>
    </message>
    <message>
      <source>Save CSV…</source>
      <translation>บันทึก CSV…</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>ดูตัวอย่างก่อนพิมพ์</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>พิมพ์…</translation>
    </message>
    <message>
      <source>Building the report…</source>
      <translation>กำลังสร้างรายงาน…</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
      <source>The report was not built (cancelled).</source>
      <translation>ยกเลิกแล้ว ยังไม่ได้สร้างรายงาน</translation>
    </message>
    <message>
      <source>Build it</source>
      <translation>สร้างรายงาน</translation>
    </message>
    <message>
      <source>%1 · %2 (%3) · survey year %4</source>
      <translation>%1 · %2 (%3) · ปีสำรวจ %4</translation>
    </message>
    <message>
      <source>Nothing to report for this area and year.</source>
      <translation>ไม่มีข้อมูลสำหรับรายงานของพื้นที่และปีนี้</translation>
    </message>
  </context>
  <context>
    <name>ServerFields</name>
    <message>
      <source>The province's administrator gives you the address and your token. Your area's households and the other offices' records are downloaded; a cut download continues where it stopped.</source>
      <translation>ผู้ดูแลเซิร์ฟเวอร์จังหวัดจะให้ที่อยู่และโทเค็นของท่าน ระบบจะรับข้อมูลครัวเรือนในพื้นที่ของท่านและข้อมูลของหน่วยงานอื่น ถ้าการรับข้อมูลขาดกลางทาง จะทำต่อจากจุดเดิม</translation>
    </message>
    <message>
      <source>Server &amp;address:</source>
      <translation>ที่อยู่เซิร์ฟเวอร์ (&amp;A):</translation>
    </message>
    <message>
      <source>Officer &amp;token:</source>
      <translation>โทเค็นเจ้าหน้าที่ (&amp;T):</translation>
    </message>
  </context>
  <context>
    <name>Sync</name>
    <message>
      <source>Households changed here and on the server: click to decide</source>
      <translation>ครัวเรือนที่ถูกแก้ทั้งในเครื่องนี้และที่เซิร์ฟเวอร์: คลิกเพื่อตัดสินใจ</translation>
    </message>
    <message>
      <source>&amp;Sync</source>
      <translation>ซิงก์ (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Sync with the province server…</source>
      <translation>ซิงก์กับเซิร์ฟเวอร์จังหวัด… (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Conflicts…</source>
      <translation>ข้อขัดแย้ง… (&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Export offline bundle…</source>
      <translation>ส่งออกชุดข้อมูลออฟไลน์… (&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Import offline bundle…</source>
      <translation>นำเข้าชุดข้อมูลออฟไลน์… (&amp;I)</translation>
    </message>
    <message>
      <source>Conflicts: %1</source>
      <translation>ข้อขัดแย้ง: %1</translation>
    </message>
    <message>
      <source>This computer has no password store, so the token cannot be kept: it is used for this sync only. Paste it again next time.</source>
      <translation>เครื่องนี้ไม่มีที่เก็บรหัสผ่าน จึงจำโทเค็นไว้ไม่ได้: ใช้ได้เฉพาะการซิงก์ครั้งนี้ ครั้งหน้าให้วางโทเค็นอีกครั้ง</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>กำลังบันทึก…</translation>
    </message>
    <message>
      <source>Asking the server…</source>
      <translation>กำลังสอบถามเซิร์ฟเวอร์…</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>กำลังซิงก์…</translation>
    </message>
    <message>
      <source>Export offline bundle</source>
      <translation>ส่งออกชุดข้อมูลออฟไลน์</translation>
    </message>
    <message>
      <source>Writing the bundle…</source>
      <translation>กำลังเขียนชุดข้อมูล…</translation>
    </message>
    <message>
      <source>Import offline bundle</source>
      <translation>นำเข้าชุดข้อมูลออฟไลน์</translation>
    </message>
    <message>
      <source>Importing the bundle…</source>
      <translation>กำลังนำเข้าชุดข้อมูล…</translation>
    </message>
    <message>
      <source>The conflict was settled; it is sent at the next sync.</source>
      <translation>ตัดสินข้อขัดแย้งแล้ว จะส่งขึ้นเมื่อซิงก์ครั้งถัดไป</translation>
    </message>
    <message>
      <source>Settling the conflict…</source>
      <translation>กำลังบันทึกการตัดสินข้อขัดแย้ง…</translation>
    </message>
    <message>
      <source>The server refused the token: ask the province administrator for a new one and paste it in the Token box.</source>
      <translation>เซิร์ฟเวอร์ไม่ยอมรับโทเค็น: ขอโทเค็นใหม่จากผู้ดูแลระดับจังหวัด แล้ววางในช่องโทเค็น</translation>
    </message>
  </context>
  <context>
    <name>SyncPanel</name>
    <message>
      <source>Review status</source>
      <translation>สถานะการตรวจ</translation>
    </message>
    <message>
      <source>Household fields</source>
      <translation>ข้อมูลครัวเรือน</translation>
    </message>
    <message>
      <source>Conflict decisions</source>
      <translation>การตัดสินข้อขัดแย้ง</translation>
    </message>
    <message>
      <source>Officer profile</source>
      <translation>ข้อมูลเจ้าหน้าที่</translation>
    </message>
    <message>
      <source>Indicator sets</source>
      <translation>ชุดตัวชี้วัด</translation>
    </message>
    <message>
      <source>Corrections</source>
      <translation>การแก้ไขข้อมูล</translation>
    </message>
    <message>
      <source>Reverted corrections</source>
      <translation>การยกเลิกการแก้ไข</translation>
    </message>
    <message>
      <source>Certifications</source>
      <translation>การรับรองข้อมูล</translation>
    </message>
    <message>
      <source>Re-opened certifications</source>
      <translation>การเปิดรับรองใหม่</translation>
    </message>
    <message>
      <source>Certification rosters</source>
      <translation>รายชื่อคณะทำงานรับรอง</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>การเยี่ยมครัวเรือน</translation>
    </message>
    <message>
      <source>Back-check samples</source>
      <translation>ตัวอย่างการตรวจซ้ำ</translation>
    </message>
    <message>
      <source>Back-check answers</source>
      <translation>ผลการตรวจซ้ำ</translation>
    </message>
    <message>
      <source>household count</source>
      <translation>จำนวนครัวเรือน</translation>
    </message>
    <message>
      <source>member count</source>
      <translation>จำนวนสมาชิก</translation>
    </message>
    <message>
      <source>content</source>
      <translation>เนื้อหา</translation>
    </message>
    <message>
      <source>not on this laptop</source>
      <translation>ไม่มีในเครื่องนี้</translation>
    </message>
    <message>
      <source>not on the server</source>
      <translation>ไม่มีที่เซิร์ฟเวอร์</translation>
    </message>
    <message>
      <source>Sync with the province server</source>
      <translation>ซิงก์กับเซิร์ฟเวอร์จังหวัด</translation>
    </message>
    <message>
      <source>Save token</source>
      <translation>บันทึกโทเค็น</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>ดูก่อนซิงก์ (&amp;P)</translation>
    </message>
    <message>
      <source>S&amp;ync now</source>
      <translation>ซิงก์เดี๋ยวนี้ (&amp;Y)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <source>Export bundle…</source>
      <translation>ส่งออกชุดข้อมูล…</translation>
    </message>
    <message>
      <source>Import bundle…</source>
      <translation>นำเข้าชุดข้อมูล…</translation>
    </message>
    <message>
      <source>Village</source>
      <translation>หมู่บ้าน</translation>
    </message>
    <message>
      <source>Households (here / server)</source>
      <translation>ครัวเรือน (เครื่องนี้ / เซิร์ฟเวอร์)</translation>
    </message>
    <message>
      <source>Members (here / server)</source>
      <translation>สมาชิก (เครื่องนี้ / เซิร์ฟเวอร์)</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>ผลการเทียบ</translation>
    </message>
    <message>
      <source>What</source>
      <translation>รายการ</translation>
    </message>
    <message>
      <source>Household / target</source>
      <translation>ครัวเรือน / เป้าหมาย</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>คำตอบ</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>เหตุผล</translation>
    </message>
    <message>
      <source>Receipt per village</source>
      <translation>ใบตรวจรับรายหมู่บ้าน</translation>
    </message>
    <message>
      <source>Refused by the server</source>
      <translation>เซิร์ฟเวอร์ไม่รับ</translation>
    </message>
    <message>
      <source>Set aside</source>
      <translation>พักไว้</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>ปิด</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>เซิร์ฟเวอร์:</translation>
    </message>
    <message>
      <source>Token:</source>
      <translation>โทเค็น:</translation>
    </message>
    <message>
      <source>Will send:</source>
      <translation>จะส่งขึ้น:</translation>
    </message>
    <message>
      <source>Will receive:</source>
      <translation>จะรับลง:</translation>
    </message>
    <message>
      <source>Saved in the system keyring</source>
      <translation>บันทึกไว้ในที่เก็บรหัสผ่านของระบบแล้ว</translation>
    </message>
    <message>
      <source>Paste the token from the province administrator</source>
      <translation>วางโทเค็นที่ได้จากผู้ดูแลระบบจังหวัด</translation>
    </message>
    <message>
      <source>%1 unsent event(s)</source>
      <translation>รายการค้างส่ง %1 รายการ</translation>
    </message>
    <message>
      <source>%1 conflict(s) waiting for a decision</source>
      <translation>ข้อขัดแย้งรอการตัดสินใจ %1 รายการ</translation>
    </message>
    <message>
      <source>Press Preview to ask the server.</source>
      <translation>กด "ดูก่อนซิงก์" เพื่อสอบถามเซิร์ฟเวอร์</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>เป้าหมาย</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>สาเหตุ</translation>
    </message>
    <message>
      <source>&amp;Retry at the next sync</source>
      <translation>ส่งใหม่ในการซิงก์ครั้งถัดไป (&amp;R)</translation>
    </message>
    <message>
      <source>Do&amp;n't send</source>
      <translation>ไม่ส่ง (&amp;N)</translation>
    </message>
    <message>
      <source>Set aside (%1)</source>
      <translation>พักไว้ (%1)</translation>
    </message>
    <message>
      <source>House %1 · %2 · village %3</source>
      <translation>บ้านเลขที่ %1 · %2 · หมู่บ้าน %3</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>ปฏิเสธ</translation>
    </message>
    <message>
      <source>Needs re-check</source>
      <translation>ต้องตรวจใหม่</translation>
    </message>
    <message>
      <source>Refused by the server (%1)</source>
      <translation>เซิร์ฟเวอร์ไม่รับ (%1)</translation>
    </message>
    <message>
      <source>Asking the server…</source>
      <translation>กำลังสอบถามเซิร์ฟเวอร์…</translation>
    </message>
    <message>
      <source>%1: about %2 household(s), %3 removed</source>
      <translation>%1: ประมาณ %2 ครัวเรือน ลบออก %3</translation>
    </message>
    <message>
      <source>%1 household(s) with unsent work or conflicts are not overwritten</source>
      <translation>ครัวเรือนที่มีงานค้างส่งหรือขัดแย้ง %1 ครัวเรือนจะไม่ถูกเขียนทับ</translation>
    </message>
    <message>
      <source>Nothing new on the server.</source>
      <translation>ไม่มีข้อมูลใหม่ที่เซิร์ฟเวอร์</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>กำลังเชื่อมต่อ…</translation>
    </message>
    <message>
      <source>Stopping after the current step…</source>
      <translation>กำลังหยุดหลังขั้นตอนปัจจุบัน…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>เสร็จแล้ว</translation>
    </message>
    <message>
      <source>%1 household(s) have conflicts waiting for a decision: Sync → Conflicts…</source>
      <translation>มีครัวเรือนที่ขัดแย้งรอการตัดสินใจ %1 ครัวเรือน: ซิงก์ → ข้อขัดแย้ง…</translation>
    </message>
    <message>
      <source>Equal</source>
      <translation>ตรงกัน</translation>
    </message>
    <message>
      <source>Differs: %1</source>
      <translation>ต่างกัน: %1</translation>
    </message>
  </context>
</TS>
