"""Where Thai text may break: words from a dictionary that knows the app's own vocabulary, names that
break only at spaces, marks that never start a line, and character clusters for a word too long for
its line. No reportlab here: the PDF layout (thai_text.py) and the spreadsheet writers (sheet names,
tabular.py) share it.

- `words(text)`: units a line may break between. pythainlp `newmm` over a custom dictionary
  (pythainlp's words + every province, district and tambon name from geothai + the indicator wording
  and form vocabulary below), so `ตัวชี้วัด`, `พระบาท` or `ขุขันธ์` are never cut. Glued on top: `ๆ`,
  `ฯ` and closing marks stay with the word before them (also across a space: "อื่น ๆ"), opening
  marks with the word after, and "12/3", "95.3%" stay whole.
- `words(text, names=True)`: a personal or place name: units are the space-separated parts only.
- `clusters(word)`: Thai character clusters (TCC), the only places a word wider than its column may be
  cut; each is a run of whole grapheme clusters, so a mark is never parted from its letter.
- `cut(text, limit)`: the longest start of the text within `limit` characters that ends between words
  (else between clusters): Excel sheet names (31 characters) never end in a cut cluster.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

THAI_LETTER = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4f\u0e5a\u0e5b]")
# Marks that sit above or below the previous letter (and sara am): a piece never starts with one.
COMBINING = frozenset("\u0e31\u0e33" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F))))
# Never at the start of a line: ๆ (mai yamok), ฯ (paiyannoi), closing punctuation.
CLOSING = frozenset(")]}%,.;:!?ๆฯ”’»")
OPENING = frozenset("([{“‘«")
JOINING = frozenset("/")  # "บาท/ปี", "12/3": no break on either side

# The form and report vocabulary the default dictionary lacks or splits (checked against ICU's breaks).
FORM_WORDS = (
    "ตัวชี้วัด", "ชุดตัวชี้วัด", "จปฐ.", "ความจำเป็นพื้นฐาน", "ข้อมูลความจำเป็นพื้นฐาน", "ครัวเรือน", "หัวหน้าครัวเรือน",
    "ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์", "ฉบับร่าง", "ฉบับแก้ไข", "พัฒนากร", "พัฒนาชุมชน", "กรมการพัฒนาชุมชน",
    "สำนักงานพัฒนาชุมชน", "นักวิชาการพัฒนาชุมชน", "เจ้าพนักงานพัฒนาชุมชน", "ผู้ใหญ่บ้าน", "กำนัน", "อปท.",
    "องค์กรปกครองส่วนท้องถิ่น", "องค์การบริหารส่วนตำบล", "อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
    "คณะทำงาน", "ลายมือชื่อ", "ชื่อ-สกุล", "บ้านเลขที่", "รหัสบ้าน", "รหัสประจำบ้าน", "รหัสยืนยัน", "ลายนิ้วมือข้อมูล",
    "ขอแสดงความนับถือ", "สิ่งที่ส่งมาด้วย", "อ้างถึง", "ส่วนราชการ", "เรียน", "เรื่อง", "หนังสือ", "ปีสำรวจ",
    "บาท/คน/ปี", "บาท/ปี", "รายได้เฉลี่ย", "รายจ่ายเฉลี่ย", "ผู้พิการ", "ผู้ป่วยเรื้อรัง", "ผู้สูงอายุ", "ภาคบังคับ",
    "ความเชื่อมั่น", "การติดตาม", "ตรวจสอบซ้ำ", "ครัวเรือนตัวอย่าง", "ผู้จัดเก็บข้อมูล", "ผู้บันทึกข้อมูล",
    "ทะเบียนบ้าน", "สูติบัตร", "บัตรสวัสดิการแห่งรัฐ", "เบี้ยยังชีพ", "ยาสามัญประจำบ้าน", "ก่อนวัยเรียน",
    "พระบาท", "พระราชกระแส", "ประมวลสรุป",
)


_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# what a person types back, kept in Arabic digits inside Thai-digit text: Latin letters mixed with digits (visit
# and short codes "1A89CD", "FN9Z-K099"), runs of 6 digits or more (tambon, village, house codes, IDs)
CODE = re.compile(r"[A-Za-z0-9]*(?:[A-Za-z][A-Za-z0-9]*\d|\d[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|\d{6,}")


def thai_digits(text: str) -> str:
    """Arabic digits as Thai digits ("ตัวชี้วัดข้อ 6" -> "ตัวชี้วัดข้อ ๖", "58,000" -> "๕๘,๐๐๐"), except in codes."""
    out, pos = [], 0
    for found in CODE.finditer(text):
        out += [text[pos:found.start()].translate(_THAI_DIGITS), found.group()]
        pos = found.end()
    out.append(text[pos:].translate(_THAI_DIGITS))
    return "".join(out)


def has_thai(text: str) -> bool:
    """True if the text has Thai letters or marks (digits, Latin and ๐–๙ do not count)."""
    return THAI_LETTER.search(text) is not None


@lru_cache(maxsize=1)
def _pythainlp():
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import subword_tokenize, word_tokenize
    from pythainlp.util import Trie

    return word_tokenize, subword_tokenize, Trie, thai_words


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every Thai province, district and tambon name geothai knows (districts also without "เขต")."""
    import geothai

    names: set[str] = set()
    for p in geothai.provinces():
        names.add(p.name_th)
        for d in geothai.districts(p.code):
            names.update({d.name_th, d.name_th.removeprefix("เขต")})
            names.update(s.name_th for s in geothai.subdistricts(d.code))
    # a name with an older name beside it ("ปอภาร (ปอพาน)"): each part is a name
    return frozenset(part for n in names for part in re.split(r"[\s()]+", n) if len(part) > 1)


@lru_cache(maxsize=1)
def dictionary():
    """The Trie newmm breaks with: pythainlp's words + place names + FORM_WORDS."""
    _tok, _sub, trie, thai_words = _pythainlp()
    return trie(set(thai_words()) | place_names() | set(FORM_WORDS))


def _glue(raw: list[str]) -> list[str]:
    out: list[str] = []
    for tok in raw:
        if out and not tok.isspace():
            prev = out[-1]
            if prev.isspace() and len(out) > 1 and tok[0] in CLOSING and not out[-2].isspace():
                out[-2:] = [out[-2] + prev + tok]  # "อื่น ๆ", "กรุงเทพ ฯ": the mark never starts a line
                continue
            if not prev.isspace() and (
                tok[0] in CLOSING
                or prev[-1] in OPENING or prev[-1] in JOINING or tok[0] in JOINING
                or (not has_thai(prev[-1]) and not has_thai(tok[0]))  # "12" + "/3", "95.3" + "%"
            ):
                out[-1] = prev + tok
                continue
        out.append(tok)
    return out


@lru_cache(maxsize=32768)
def words(text: str, names: bool = False) -> tuple[str, ...]:
    """Units a line may break between, spaces kept as their own items; joining them gives the text back.
    `names`: the text is a personal or place name, which breaks only at its spaces."""
    if names or not has_thai(text):
        raw = re.findall(r"\s+|\S+", text)
    else:
        tokenize = _pythainlp()[0]
        raw = tokenize(text, custom_dict=dictionary(), engine="newmm", keep_whitespace=True)
    return tuple(_glue(raw))


@lru_cache(maxsize=4096)
def clusters(word: str) -> tuple[str, ...]:
    """The smallest pieces a word too long for its line may be cut into: Thai character clusters (TCC),
    so a piece never starts with a mark or sara am and never ends with a leading vowel."""
    if has_thai(word):
        pieces = list(_pythainlp()[1](word, engine="tcc"))
    else:
        pieces = list(word)
    out: list[str] = []
    for piece in pieces:  # TCC keeps marks with their letter; Latin/digit runs: marks (rare) too
        if out and (piece[0] in COMBINING or piece[0] in CLOSING):
            out[-1] += piece
        else:
            out.append(piece)
    return tuple(out)


def cut(text: str, limit: int) -> str:
    """The longest start of `text` of at most `limit` characters ending between words (else between
    clusters), without trailing spaces: a sheet name that never ends in a cut cluster or a lone tone mark."""
    if len(text) <= limit:
        return text
    kept = ""
    for word in words(text):
        if len(kept) + len(word) > limit:
            break
        kept += word
    if not kept.strip():  # the first word alone is too long: whole clusters of it
        for piece in clusters(text):
            if len(kept) + len(piece) > limit:
                break
            kept += piece
    return kept.rstrip()
