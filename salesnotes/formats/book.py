"""The whole book as one JSON file: every row of every table, loss-free, versioned.

::

    {"format": "salesnotes-book", "version": 1, "schema": "m007_job_title_and_city",
     "exported_at": "2026-11-22T09:00:00Z",
     "tables": {"organisations": [{"id": 1, "uuid": "...", "name": "Bakker BV", ...}], ...}}

``tables`` holds each table's rows as objects, column -> value, in the order of their ids:
export, import into an empty book and export again gives the same file but for
``exported_at``. ``version`` is this layout's; ``schema`` the last migration of the book it
came from (a file from a newer salesnotes is refused rather than half read).
"""

from __future__ import annotations

import json
import math

from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

FORMAT = "salesnotes-book"
VERSION = 1


def write(
    tables: Iterable[tuple[str, tuple[str, ...], Iterable[tuple[Any, ...]]]],
    *,
    schema: str,
    exported_at: str,
) -> Iterator[str]:
    """The book as JSON text, in pieces (a big book is never one string in memory)."""
    head = {"format": FORMAT, "version": VERSION, "schema": schema, "exported_at": exported_at}
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "tables": {'
    first_table = True
    for table, columns, rows in tables:
        yield ("" if first_table else ",") + f"\n    {json.dumps(table)}: ["
        first_table = False
        first_row = True
        for row in rows:
            text = json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
            yield ("" if first_row else ",") + "\n      " + text
            first_row = False
        yield "]" if first_row else "\n    ]"
    yield "\n  }\n}\n"


def looks_like(text: str) -> bool:
    """Whether a file's text is a salesnotes book (rather than a CSV that starts with '{')."""
    return text.lstrip("\ufeff \t\r\n").startswith("{") and f'"{FORMAT}"' in text[:2000]


def read(text: str, name: str, known_schemas: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """A book's tables (table -> rows), checked: the format, its version, a schema this
    salesnotes knows, and rows of plain values. BadInput says what is wrong."""

    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise BadInput(
            _("{name} is not valid JSON: {msg} (line {lineno})").format(
                name=name, msg=exc.msg, lineno=exc.lineno
            )
        ) from None
    except RecursionError:
        raise BadInput(
            _("{name} is nested too deeply to be a salesnotes book").format(name=name)
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(
            _('{name} is JSON, but not a salesnotes book (no "format": "{FORMAT}")').format(
                name=name, FORMAT=FORMAT
            )
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(
            _("{name}: 'version' must be a whole number, not {version!r}").format(
                name=name, version=version
            )
        )
    schema = data.get("schema")
    if version > VERSION or (schema is not None and schema not in known_schemas):
        raise BadInput(
            _(
                "{name} was written by a newer salesnotes (book version {version}, "
                "schema {schema}); update salesnotes to import it"
            ).format(name=name, version=version, schema=schema)
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise BadInput(
            _("{name}: 'tables' must be an object of table name -> rows").format(name=name)
        )
    for table, rows in tables.items():
        _check_rows(name, table, rows)
    return tables


def _check_rows(name: str, table: str, rows: Any) -> None:
    """The rows of one table are a list of objects of plain values, none longer than
    salesnotes keeps (the limits of what is typed hold for a book's file too)."""
    from salesnotes.domain.fields import too_long

    if not isinstance(rows, list):
        raise BadInput(
            _("{name}: the rows of {table} must be a list").format(name=name, table=table)
        )
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise BadInput(
                _("{name}: {table} row {number} is not an object").format(
                    name=name, table=table, number=number
                )
            )
        for column, value in row.items():
            if isinstance(value, float) and not math.isfinite(value):
                raise BadInput(
                    _("{name}: {table} row {number}, {column}: not a number").format(
                        name=name, table=table, number=number, column=column
                    )
                )
            if isinstance(value, int) and not -(2**63) <= value < 2**63:
                raise BadInput(
                    _("{name}: {table} row {number}, {column}: {value} is too big").format(
                        name=name, table=table, number=number, column=column, value=value
                    )
                )
            problem = too_long(column, value) if isinstance(value, str) else ""
            if problem:  # the limits of what is typed hold for a book's file too
                raise BadInput(
                    _("{name}: {table} row {number}, {column}: {problem}").format(
                        name=name, table=table, number=number, column=column, problem=problem
                    )
                )
            if not (value is None or isinstance(value, (str, int, float))):
                raise BadInput(
                    _(
                        "{name}: {table} row {number}, {column}: a {kind} where a text, "
                        "number or null belongs"
                    ).format(
                        name=name,
                        table=table,
                        number=number,
                        column=column,
                        kind=type(value).__name__,
                    )
                )
