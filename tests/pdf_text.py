"""Reading the PDFs the app writes, with what `make test` installs (pypdf; no poppler tools)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_pages_text(path: Path | str) -> list[str]:
    """The text of each page, as extracted from the PDF's own text (ToUnicode maps)."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: Path | str) -> str:
    """All pages' text, each page ended by a form feed (as pdftotext writes it)."""
    return "".join(text + "\f" for text in pdf_pages_text(path))
