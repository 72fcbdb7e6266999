"""Thai text in reportlab: the fonts, shaped widths, word breaking and a wrapping Flowable.

reportlab 5.1 shapes Thai only through uharfbuzz and breaks lines only at spaces (shared/domain/stack-notes.md §3):
its own wrapping cuts words and even clusters ("และก|ำนัน"). So this module breaks lines itself:
pythainlp `newmm` words over the app's own dictionary (thai_words.py), packed greedily by their shaped width, and a Flowable (`ThaiText`) that re-breaks
for the width it is really given (a table cell's width minus its padding, a frame's width) and draws every
line as `shapeStr(line, font, size)` in a canvas text object — the recipe's canvas path
(`drawString(x, y, shapeStr(...))`), which shapes exactly like `Paragraph(shaping=1)` but skips the paragraph
parser: a Paragraph per Thai cell is most of the 2.3 s of floors.md §4 for a 100-page table.

Everything that costs (tokenising, shaping, measuring) is cached per distinct string, so a village name
that appears on 2,000 rows is tokenised and shaped once.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr
from reportlab.platypus import Flowable

from desktop.reports.thai_words import COMBINING, clusters, has_thai, words  # noqa: F401 (re-exported)

FONT = "Sarabun"
FONT_BOLD = "Sarabun-Bold"

_FUZZ = 0.01  # points: a text measured exactly as wide as its line still fits
# Measured on Sarabun with uharfbuzz (stacked marks: ปั้น ที่ ฟื้น ปู่ ฎุ ญู ศักดิ์สิทธิ์): a tone mark over an upper
# vowel reaches 1.25 em above the baseline, a lower vowel 0.50 em below it. A ThaiText puts its first baseline
# `size` below its top and its last `leading - size` above its bottom, so marks stick out by up to these:
MARK_ABOVE, MARK_BELOW = 0.25, 0.50


def pad_top(size: float) -> float:
    """Cell top padding that keeps stacked tone marks off the grid line above (0.5 pt clear)."""
    return round(MARK_ABOVE * size + 0.5, 2)


def pad_bottom(size: float, leading: float) -> float:
    """Cell bottom padding that keeps lower vowels off the grid line below (0.5 pt clear)."""
    return round(max(0.0, MARK_BELOW * size - (leading - size)) + 0.5, 2)
_registered = False


def _embedded_defaults() -> None:
    """reportlab's own defaults name Helvetica, which a PDF then references without embedding it: the initial
    font of every canvas (its page preamble sets it), the font of table cells no style names and the font a
    drawing (the certificate's QR code) starts with. Every document of the app uses Sarabun, embedded; these
    defaults become Sarabun too."""
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.platypus import tables

    rl_config.canvas_basefontname = FONT
    tables.CellStyle.fontname = FONT
    shapes.STATE_DEFAULTS["fontName"] = FONT


def register_fonts() -> tuple[str, str]:
    """Register Sarabun Regular/Bold once (bold via <b> too) and check that they can be shaped."""
    global _registered
    if not _registered:
        from desktop.paths import fonts_dir

        folder = fonts_dir()
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "Sarabun-Regular.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "Sarabun-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _embedded_defaults()
        _registered = True
    if not pdfmetrics.getFont(FONT).shapable:
        raise RuntimeError("uharfbuzz is missing: Thai text cannot be shaped (pip install uharfbuzz)")
    return FONT, FONT_BOLD


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


def break_lines(text: str, width: float, font: str = FONT, size: float = 10, names: bool = False) -> list[str]:
    """Greedy line breaking at word boundaries for `width` points (`names`: at spaces only, for personal and
    place names). Spaces at a break are dropped, "\\n" forces a break. A word wider than the whole line is
    cut between clusters (never inside one), leaving no lone cluster on the next line."""
    lines: list[str] = []
    for para in text.split("\n"):
        if text_width(para, font, size) <= width + _FUZZ:  # fast path: most table cells fit on one line
            lines.append(para)
            continue
        line, line_w, gap, gap_w = "", 0.0, "", 0.0
        for word in words(para, names):
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
    """Clusters packed into lines of `width`; a last line of one cluster takes one more from the line before
    (no single letter left alone)."""
    out: list[list[str]] = []
    cur: list[str] = []
    cur_w = 0.0
    for piece in pieces:
        w = text_width(piece, font, size)
        if cur and cur_w + w > width + _FUZZ:
            out.append(cur)
            cur, cur_w = [], 0.0
        cur.append(piece)
        cur_w += w
    out.append(cur)
    if len(out) > 1 and len(out[-1]) == 1 and len(out[-2]) >= 2:
        moved = [out[-2][-1], *out[-1]]
        if text_width("".join(moved), font, size) <= width + _FUZZ:
            out[-2].pop()
            out[-1] = moved
    return ["".join(line) for line in out]


class ThaiText(Flowable):
    """Plain text (Thai or not) broken at word boundaries for the width it is given, each line drawn shaped.

    Works as a story flowable (headings, notes; splits across pages by lines) and inside a Table cell
    (the cell passes its width minus padding). The first baseline sits `size` below the top, like
    reportlab's own plain-string cells, so a ThaiText and a string in one table row line up.
    """

    def __init__(self, text: str, *, font: str = FONT, size: float = 10, leading: float | None = None,
                 align: str = "LEFT", color: Color | None = None, lines: list[str] | None = None,
                 names: bool = False, indent: float = 0.0):
        super().__init__()
        self.text = text
        self.indent = indent  # first-line indent in points (a Thai official letter's paragraphs)
        self.names = names  # a personal or place name: breaks only at its spaces
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
            if self.indent:
                first = break_lines(self.text, width - self.indent, self.font, self.size, self.names)[0]
                rest = self.text[len(first):].lstrip()
                self._lines = [first] + (break_lines(rest, width, self.font, self.size, self.names) if rest else [])
            else:
                self._lines = break_lines(self.text, width, self.font, self.size, self.names)
            self._for_width = width
        return self._lines

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.leading)
        if fit >= len(lines):
            return [self]
        if fit <= 0:
            return []
        return [self._copy(lines[:fit], self.indent), self._copy(lines[fit:], 0.0)]

    def _copy(self, lines: list[str], indent: float) -> ThaiText:
        return ThaiText(self.text, font=self.font, size=self.size, leading=self.leading, align=self.align,
                        color=self.color, lines=lines, names=self.names, indent=indent)

    def drawOn(self, canvas, x, y, _sW=0):
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
        for k, line in enumerate(self._lines if self._fixed is None else self._fixed):
            if line:
                dx = self.indent if k == 0 else 0.0
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
