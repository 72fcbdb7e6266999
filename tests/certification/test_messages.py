"""Certification errors come from the message catalogue: Thai by default, English after set_language("en")."""

from __future__ import annotations

import re

import pytest

from desktop import messages
from desktop.certify import certification as cert
from desktop.certify import check as check
from desktop.models import roster
from desktop.models.errors import UserError
from tests.certification.helpers import YEAR, load, rosters

THAI = re.compile("[\u0e00-\u0e7f]")


def _errors(store) -> list[str]:
    """The text of three errors: certify (a problems list), a roster code and a bad short code."""
    found = []
    with store.read() as conn:
        for attempt in (lambda: cert.certify(conn, "5201", YEAR, present=["nobody"]),
                        lambda: roster.level_of("123"),
                        lambda: check.verify(conn, "bad")):
            with pytest.raises(UserError) as err:
                attempt()
            found.append(str(err.value))
    return found


def test_errors_are_thai_by_default_and_english_when_asked(store):
    load(store)
    rosters(store)
    thai = _errors(store)
    messages.set_language("en")
    try:
        english = _errors(store)
    finally:
        messages.set_language("th")

    assert thai[0].startswith("รับรองข้อมูลไม่ได้:\n- ")
    assert "- ไม่มีในรายชื่อคณะทำงาน: nobody" in thai[0] and "ยังไม่ได้รับรองพื้นที่ระดับล่าง:" in thai[0]
    assert thai[1].startswith("รหัสพื้นที่ '123' รับรองไม่ได้") and thai[2].startswith("รหัสยืนยัน 'bad' ไม่ถูกต้อง")
    assert not any("/" in t or "cannot" in t.lower() for t in thai)

    assert english[0].startswith("Cannot certify:\n- ")
    assert "- Not on the roster: nobody" in english[0] and "Child areas not certified yet:" in english[0]
    assert english[1] == ("Area '123' cannot be certified: use a tambon (6 digits), district (4 digits),"
                          " province (2 digits) or LAO code.")
    assert english[2].startswith("'bad' is not a valid short code")
    # child area names are data and stay Thai; every other line must be English only
    lines = [line for line in "\n".join(english).splitlines() if not line.startswith("- Child areas")]
    assert len(lines) == 5 and not any(THAI.search(line) for line in lines)
    with store.read() as conn:
        assert cert.find(conn, survey_year=YEAR) == []  # nothing written by the refused certification
