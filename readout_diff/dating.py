"""When a call took place: a date in a pair's name, or one written in a readout.

Readouts say "26 January 2021", "January 26, 2021", "26 января 2021 года" or
"2021-01-26"; pair folders are usually named ``2021-01-26-biden-putin-call``. Dates
are returned as ISO strings (``YYYY-MM-DD``) so that they sort as they should.
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "января", "январь"),
            ("february", "feb", "февраля", "февраль"),
            ("march", "mar", "марта", "март"),
            ("april", "apr", "апреля", "апрель"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь"),
            ("july", "jul", "июля", "июль"),
            ("august", "aug", "августа", "август"),
            ("september", "sep", "sept", "сентября", "сентябрь"),
            ("october", "oct", "октября", "октябрь"),
            ("november", "nov", "ноября", "ноябрь"),
            ("december", "dec", "декабря", "декабрь"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\w)", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\w)", re.I)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_name(name: str) -> str | None:
    """The ``YYYY-MM-DD`` date a pair's name contains, if any."""
    for match in _ISO.finditer(name):
        found = _iso(*(int(g) for g in match.groups()))
        if found:
            return found
    return None


def date_in_text(text: str) -> str | None:
    """The first full date (day, month and year) written in a readout, if any."""
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(text):
        iso = _iso(*(int(g) for g in match.groups()))
        if iso:
            found.append((match.start(), iso))
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = match.groups()
        iso = _iso(int(year), _MONTHS[month.lower()], int(day))
        if iso:
            found.append((match.start(), iso))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = match.groups()
        iso = _iso(int(year), _MONTHS[month.lower()], int(day))
        if iso:
            found.append((match.start(), iso))
    return min(found)[1] if found else None
