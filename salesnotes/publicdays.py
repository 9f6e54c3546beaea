"""Public holidays, from python-holidays (the Netherlands, Belgium, Germany and its states, the
rest of Europe): the region in ``calendar.holidays`` ('NL', 'BE', 'DE-NW'; 'auto' is the phone
region's country; 'none' switches them off).

Importing the library and working out two years of one country's holidays costs ~100 ms here,
too much for every agenda: the dates are worked out once per region and kept in the user's
cache folder (``holidays-NL.tsv``: each date with its English and its own name), worked out
again when a year is asked for that the file does not hold, or after ``FRESH`` days (a newer
library may know a new holiday). No cache folder to write to: worked out each time. Nothing
here reads the book.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date

from salesnotes.domain.days import DayOff

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

NONE = ("none", "off", "geen")
"""What ``calendar.holidays`` says to have no public holidays."""
SPAN = 2
"""Years worked out at once: the year asked for and the next (a plan looks ahead)."""
FRESH = 30 * 86400
"""Seconds a cache file is used before it is worked out again."""


def region_of(setting: str, phone_region: str) -> str:
    """The holidays' region the setting names ('auto': the phone region's country), upper
    case, or '' for none."""
    text = setting.strip()
    if text.lower() in NONE:
        return ""
    if text.lower() == "auto":
        return phone_region.upper()
    return text.upper()


def problem(value: object) -> str | None:
    """Why a ``calendar.holidays`` setting is not one (None when it is)."""
    if not isinstance(value, str):
        return "type"
    if value.lower() in (*NONE, "auto"):
        return None
    try:
        _country(value.upper())
    except ValueError:
        return "region"
    return None


def holidays(region: str, years: Iterable[int]) -> tuple[DayOff, ...]:
    """The public holidays of ``region`` in ``years``, each with its English name and its
    Dutch one where the library has one (else the country's own): render/ says the one of
    the language spoken, scripts read the English."""
    if not region:
        return ()
    wanted = sorted(set(years))
    table = _cached(region, wanted)
    found = []
    for day, english, own in table:
        if day.year in wanted:
            found.append(DayOff(day, day, "holiday", english, own_name=own))
    return tuple(found)


def _cache_file(region: str) -> str:
    from salesnotes.config import user_folder

    return os.path.join(user_folder("cache"), f"holidays-{region}.tsv")


def _cached(region: str, years: list[int]) -> list[tuple[date, str, str]]:
    import time

    path = _cache_file(region)
    stamp = "1"  # this file's layout
    covered: set[int] = set()
    rows: list[tuple[date, str, str]] = []
    try:
        with open(path, encoding="utf-8") as file:
            fresh = time.time() - os.fstat(file.fileno()).st_mtime < FRESH
            head = file.readline().rstrip("\n").split("\t")
            if len(head) >= 2 and head[0] == stamp and fresh:
                covered = {int(y) for y in head[1].split(",") if y.isdigit()}
                for line in file:
                    day, english, own = line.rstrip("\n").split("\t")
                    rows.append((date.fromisoformat(day), english, own))
    except (OSError, ValueError):
        covered, rows = set(), []
    if set(years) <= covered:
        return rows
    want = sorted(set(years) | {y + n for y in years for n in range(SPAN)})
    rows = _work_out(region, want)
    _write(path, stamp, want, rows)
    return rows


def _country(region: str) -> tuple[str, str | None]:
    """('DE', 'NW') of 'DE-NW'; ValueError for a region the library does not know."""
    import holidays as library

    country, __, subdivision = region.partition("-")
    supported = library.list_supported_countries()
    if country not in supported or (subdivision and subdivision not in supported[country]):
        raise ValueError(region)
    return country, subdivision or None


def _work_out(region: str, years: list[int]) -> list[tuple[date, str, str]]:
    """Each holiday of ``years``: (day, English name, Dutch or the country's own name)."""
    import holidays as library

    country, subdivision = _country(region)
    languages = getattr(library.country_holidays(country), "supported_languages", ())
    english = "en_US" if "en_US" in languages else None
    own = "nl" if "nl" in languages else None
    in_english = library.country_holidays(
        country, subdiv=subdivision, years=years, language=english
    )
    in_own = library.country_holidays(country, subdiv=subdivision, years=years, language=own)
    return [(day, name, in_own.get(day, name)) for day, name in sorted(in_english.items())]


def _write(path: str, stamp: str, years: list[int], rows: list[tuple[date, str, str]]) -> None:
    """The cache file, written whole and renamed into place; nothing when it cannot be."""
    import tempfile

    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".holidays-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(f"{stamp}\t{','.join(str(y) for y in years)}\n")
            for day, english, own in rows:
                clean = [" ".join(x.split()) for x in (english, own)]
                file.write(f"{day.isoformat()}\t{clean[0]}\t{clean[1]}\n")
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
