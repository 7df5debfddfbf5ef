"""Dating a call: from a pair's name, or from a date written in a readout."""

from __future__ import annotations

import pytest

from readout_diff.dating import date_in_name, date_in_text


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2021-01-26-biden-putin-call", "2021-01-26"),
        ("call-2025-02-12", "2025-02-12"),
        ("2021-13-40-nonsense-2022-03-18", "2022-03-18"),
        ("biden-putin-call", None),
        ("20210126", None),
    ],
)
def test_date_in_name_finds_an_iso_date(name: str, date: str | None) -> None:
    assert date_in_name(name) == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Moscow, 26 January 2021. The Presidents spoke.", "2021-01-26"),
        ("On January 26, 2021, President Biden spoke with President Putin.", "2021-01-26"),
        ("Posted Sept. 9, 2021 by the White House.", "2021-09-09"),
        ("Москва, 13 апреля 2021 года. Состоялся телефонный разговор.", "2021-04-13"),
        ("Updated 2024-04-02 18:00. Earlier, on 1 March 2024, …", "2024-04-02"),
        ("On the evening of July 28, President Xi spoke with President Biden.", None),
        ("They spoke for 31 May 2021x minutes", None),
        ("30 February 2021 is no date.", None),
    ],
)
def test_date_in_text_finds_the_first_full_date(text: str, date: str | None) -> None:
    assert date_in_text(text) == date
