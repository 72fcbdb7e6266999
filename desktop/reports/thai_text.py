"""Thai text in reportlab: the fonts, shaped widths, word breaking and a wrapping Flowable.

reportlab 5.1 shapes Thai only through uharfbuzz and breaks lines only at spaces (shared/domain/stack-notes.md §3):
its own wrapping cuts words and even clusters ("และก|ำนัน"). So this module breaks lines itself:
pythainlp `newmm` words, packed greedily by their shaped width, and a Flowable (`ThaiText`) that re-breaks
for the width it is really given (a table cell's width minus its padding, a frame's width) and draws every
line as `shapeStr(line, font, size)` in a canvas text object — the recipe's canvas path
(`drawString(x, y, shapeStr(...))`), which shapes exactly like `Paragraph(shaping=1)` but skips the paragraph
parser: a Paragraph per Thai cell is most of the 2.3 s of floors.md §4 for a 100-page table.

Everything that costs (tokenising, shaping, measuring) is cached per distinct string, so a village name
that appears on 2,000 rows is tokenised and shaped once.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.platypus import Flowable

FONT = "Sarabun"
FONT_BOLD = "Sarabun-Bold"

# Thai letters, vowels and marks (not the Thai digits ๐–๙, which need no shaping and draw as plain text).
_THAI_LETTER = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4f\u0e5a\u0e5b]")
# Marks that sit above or below the previous letter; a line must never start with one.
COMBINING = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F))))
# Glue rules for the word list: closing punctuation and ๆ stay with the word before, opening with the word after.
_CLOSING = frozenset(")]}%,.;:!?ๆ”’")
_OPENING = frozenset("([{“‘")
_JOINING = frozenset("/")  # "บาท/ปี", "12/3": no break on either side
_FUZZ = 0.01  # points: a text measured exactly as wide as its line still fits
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register Sarabun Regular/Bold once (bold via <b> too) and check that they can be shaped."""
    global _registered
    if not _registered:
        from desktop.paths import fonts_dir

        folder = fonts_dir()
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "Sarabun-Regular.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "Sarabun-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _registered = True
    if not pdfmetrics.getFont(FONT).shapable:
        raise RuntimeError("uharfbuzz is missing: Thai text cannot be shaped (pip install uharfbuzz)")
    return FONT, FONT_BOLD


def has_thai(text: str) -> bool:
    """True if the text has Thai letters or marks, i.e. needs shaping (digits, Latin and ๐–๙ do not)."""
    return _THAI_LETTER.search(text) is not None


@lru_cache(maxsize=16384)  # a shaped string keeps a record per glyph: bounded to a few tens of MB
def shaped(text: str, font: str, size: float) -> str:
    """The string to hand to drawString: shaped (a ShapedStr) when it has Thai, else the text itself."""
    return shapeStr(text, font, size) if has_thai(text) else text


@lru_cache(maxsize=65536)
def text_width(text: str, font: str, size: float) -> float:
    """Width in points of the text as it will be drawn (shaped advances when shaped)."""
    s = shaped(text, font, size)
    if isinstance(s, ShapedStr):
        return sum(d.x_advance for d in s.__shapeData__) * size / 1000
    return pdfmetrics.stringWidth(text, font, size)


@lru_cache(maxsize=1)
def _tokenizer():
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    return word_tokenize, subword_tokenize


@lru_cache(maxsize=32768)
def words(text: str) -> tuple[str, ...]:
    """Units a line may break between: newmm words (spaces kept as their own items), glued so that numbers
    such as "12/3" or "95.3%" and brackets stay whole. Joining them gives the text back."""
    if not has_thai(text):
        raw = re.findall(r"\s+|\S+", text)
    else:
        raw = _tokenizer()[0](text, engine="newmm", keep_whitespace=True)
    out: list[str] = []
    for tok in raw:
        if out and not tok.isspace() and not out[-1].isspace():
            prev = out[-1]
            if (
                set(tok) <= _CLOSING
                or prev[-1] in _OPENING or prev[-1] in _JOINING or tok[0] in _JOINING
                or (not has_thai(prev[-1]) and not has_thai(tok[0]))  # "12" + "/3", "95.3" + "%"
            ):
                out[-1] = prev + tok
                continue
        out.append(tok)
    return tuple(out)


@lru_cache(maxsize=4096)
def clusters(word: str) -> tuple[str, ...]:
    """The smallest pieces a word too long for its line may be cut into: Thai character clusters (TCC),
    so a piece never starts with a mark or sara am and never ends with a leading vowel."""
    if has_thai(word):
        return tuple(_tokenizer()[1](word, engine="tcc"))
    pieces: list[str] = []
    for ch in word:
        if pieces and ch in COMBINING:
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return tuple(pieces)


def break_lines(text: str, width: float, font: str = FONT, size: float = 10) -> list[str]:
    """Greedy line breaking at word boundaries for `width` points. Spaces at a break are dropped, "\\n"
    forces a break. A word wider than the whole line is cut between clusters (never inside one)."""
    lines: list[str] = []
    for para in text.split("\n"):
        if text_width(para, font, size) <= width + _FUZZ:  # fast path: most table cells fit on one line
            lines.append(para)
            continue
        line, line_w, gap, gap_w = "", 0.0, "", 0.0
        for word in words(para):
            w = text_width(word, font, size)
            if word.isspace():
                if line:
                    gap, gap_w = gap + word, gap_w + w
                continue
            if line and line_w + gap_w + w <= width + _FUZZ:
                line, line_w = line + gap + word, line_w + gap_w + w
            else:
                if line:
                    lines.append(line)
                line, line_w = word, w
                if w > width + _FUZZ:  # cut the long word; its last piece starts the next line
                    pieces = _pack(clusters(word), width, font, size)
                    lines.extend(pieces[:-1])
                    line = pieces[-1]
                    line_w = text_width(line, font, size)
            gap, gap_w = "", 0.0
        lines.append(line)
    return lines


def _pack(pieces: tuple[str, ...], width: float, font: str, size: float) -> list[str]:
    out, cur, cur_w = [], "", 0.0
    for piece in pieces:
        w = text_width(piece, font, size)
        if cur and cur_w + w > width + _FUZZ:
            out.append(cur)
            cur, cur_w = "", 0.0
        cur, cur_w = cur + piece, cur_w + w
    out.append(cur)
    return out


class ThaiText(Flowable):
    """Plain text (Thai or not) broken at word boundaries for the width it is given, each line drawn shaped.

    Works as a story flowable (headings, notes; splits across pages by lines) and inside a Table cell
    (the cell passes its width minus padding). The first baseline sits `size` below the top, like
    reportlab's own plain-string cells, so a ThaiText and a string in one table row line up.
    """

    def __init__(self, text: str, *, font: str = FONT, size: float = 10, leading: float | None = None,
                 align: str = "LEFT", color: Color | None = None, lines: list[str] | None = None):
        super().__init__()
        self.text = text
        self.font, self.size = font, size
        self.leading = leading or round(size * 1.3, 2)
        self.align = align
        self.color = color
        self._fixed = lines  # set by split(): these lines, whatever the width
        self._lines: list[str] = lines or []
        self._for_width: float | None = None

    def lines(self, width: float) -> list[str]:
        if self._fixed is not None:
            return self._fixed
        if width != self._for_width:
            self._lines = break_lines(self.text, width, self.font, self.size)
            self._for_width = width
        return self._lines

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.leading)
        if fit >= len(lines):
            return [self]
        if fit <= 0:
            return []
        return [self._copy(lines[:fit]), self._copy(lines[fit:])]

    def _copy(self, lines: list[str]) -> ThaiText:
        return ThaiText(self.text, font=self.font, size=self.size, leading=self.leading, align=self.align,
                        color=self.color, lines=lines)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        """Draw at (x, y) as one text object: no saveState/translate per cell (a 100-page table has ~10,000
        of these). A text object sets its own font, so the canvas state is left as it was; the colour is
        the current fill colour (a table cell's TEXTCOLOR) unless `color` is given."""
        x = self._hAlignAdjust(x, _sW)
        if self.color is not None:
            canvas.saveState()
            canvas.setFillColor(self.color)
        text = canvas.beginText()
        text.setFont(self.font, self.size, self.leading)
        baseline = y + self.height - self.size
        for line in self._lines if self._fixed is None else self._fixed:
            if line:
                dx = 0.0
                if self.align != "LEFT":
                    spare = self.width - text_width(line, self.font, self.size)
                    dx = spare if self.align == "RIGHT" else spare / 2
                text.setTextOrigin(x + dx, baseline)
                text.textOut(shaped(line, self.font, self.size))
            baseline -= self.leading
        canvas.drawText(text)
        if self.color is not None:
            canvas.restoreState()

    def draw(self):
        self.drawOn(self.canv, 0, 0)


def fit_text(text: str, width: float, font: str, size: float) -> str:
    """The text, or as much of it as fits in `width` followed by "…", cut between clusters."""
    if text_width(text, font, size) <= width + _FUZZ:
        return text
    pieces = [p for word in words(text) for p in clusters(word)]
    while pieces and text_width("".join(pieces).rstrip() + "…", font, size) > width:
        pieces.pop()
    return "".join(pieces).rstrip() + "…"


def draw_text(canv, x: float, y: float, text: str, font: str, size: float, align: str = "LEFT") -> None:
    """Shaped canvas text (page headers and footers), aligned at x."""
    canv.setFont(font, size)
    if align == "RIGHT":
        x -= text_width(text, font, size)
    elif align == "CENTER":
        x -= text_width(text, font, size) / 2
    canv.drawString(x, y, shaped(text, font, size))
