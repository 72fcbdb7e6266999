"""Which fonts a PDF names, and whether each is embedded (pypdf over the pages' font dictionaries)."""

from __future__ import annotations

from pypdf import PdfReader


def fonts_of(path) -> dict[str, bool]:
    """{font name: embedded} over every page's font dictionary (composite fonts: their descendant)."""
    found = {}
    for page in PdfReader(str(path)).pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and font.get("/DescendantFonts"):
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def all_embedded(path) -> None:
    found = fonts_of(path)
    assert found and all(found.values()), found
    assert not any("Helvetica" in name for name in found)


