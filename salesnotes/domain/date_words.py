"""The words people say for days, months, numbers and periods, in English and Dutch: what
``dates.parse_when`` reads ('vrijdag', 'mrt', 'overmorgen', 'twee weken', 'volgende')."""

from __future__ import annotations

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("monday", "mon", "maandag", "ma"),
        ("tuesday", "tue", "tues", "dinsdag", "di"),
        ("wednesday", "wed", "woensdag", "wo"),
        ("thursday", "thu", "thur", "thurs", "donderdag", "do"),
        ("friday", "fri", "vrijdag", "vr"),
        ("saturday", "sat", "zaterdag", "za"),
        ("sunday", "sun", "zondag", "zo"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _i

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan", "januari"),
        ("february", "feb", "februari"),
        ("march", "mar", "maart", "mrt"),
        ("april", "apr"),
        ("may", "mei"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug", "augustus"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _i

DAY_WORDS = {
    "today": 0,
    "vandaag": 0,
    "now": 0,
    "nu": 0,
    "tomorrow": 1,
    "morgen": 1,
    "overmorgen": 2,
    "day after tomorrow": 2,
    "yesterday": -1,
    "gisteren": -1,
    "eergisteren": -2,
    "day before yesterday": -2,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "een": 1,
    "two": 2,
    "twee": 2,
    "three": 3,
    "drie": 3,
    "four": 4,
    "vier": 4,
    "five": 5,
    "vijf": 5,
    "six": 6,
    "zes": 6,
}
UNITS = {
    "d": "d",
    "day": "d",
    "days": "d",
    "dag": "d",
    "dagen": "d",
    "w": "w",
    "wk": "w",
    "week": "w",
    "weeks": "w",
    "weken": "w",
    "m": "m",
    "mo": "m",
    "month": "m",
    "months": "m",
    "maand": "m",
    "maanden": "m",
    "y": "y",
    "year": "y",
    "years": "y",
    "jaar": "y",
    "jaren": "y",
}
NEXT = (
    "next ",
    "volgende ",
    "aanstaande ",
    "a.s. ",
    "as ",
    "this ",
    "deze ",
    "coming ",
    "komende ",
)
AMBIGUOUS = ("next ", "volgende ")  # 'volgende vrijdag': this week's or next week's?
LAST = ("last ", "vorige ", "afgelopen ", "previous ")
