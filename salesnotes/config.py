"""Settings: documented defaults, overridden by a TOML file.

The file is ``$SALESNOTES_CONFIG`` or ``config.toml`` in the platform's config folder
(``~/.config/salesnotes/config.toml`` on Linux). It is read only when it exists, so a book
with no configuration pays nothing for TOML at start-up. Every key is checked: an unknown key,
a value of the wrong type or out of range is a ``ConfigError`` naming the file, the key and
the problem. ``salesnotes config`` shows the effective settings and where each comes from.
"""

from __future__ import annotations

import os
import sys

from salesnotes.errors import ConfigError
from salesnotes.i18n import N_, _
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

    Check = Callable[[Any], str | None]  # returns a problem, or None when the value is fine


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _("must be a number, not {name} {value!r}").format(
                name=type(value).__name__, value=value
            )
        if not low <= value <= high:
            return _("must be between {low:g} and {high:g}, not {value}").format(
                low=low, high=high, value=value
            )
        return None

    return check


def _integer(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return _("must be a whole number, not {name} {value!r}").format(
                name=type(value).__name__, value=value
            )
        if not low <= value <= high:
            return _("must be between {low} and {high}, not {value}").format(
                low=low, high=high, value=value
            )
        return None

    return check


def _one_of(*allowed: str) -> Check:
    def check(value: Any) -> str | None:
        if value not in allowed:
            return _("must be one of {allowed}, not {value!r}").format(
                allowed=", ".join(allowed), value=value
            )
        return None

    return check


def _boolean(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return _("must be true or false, not {value!r}").format(value=value)


def _currency(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 3 and value.isalpha():
        return None
    return _("must be a three-letter currency code such as EUR, not {value!r}").format(value=value)


def _period_or_off(value: Any) -> str | None:
    from salesnotes.domain.dates import parse_period
    from salesnotes.errors import BadInput

    if value in ("", "off", "none"):
        return None
    if not isinstance(value, str):
        return _("must be a period such as '8w' or 'off', not {value!r}").format(value=value)
    try:
        parse_period(value)
    except BadInput:
        return _("must be a period such as 30d, 6w or 3m (or 'off'), not {value!r}").format(
            value=value
        )
    return None


def _region(value: Any) -> str | None:
    import phonenumbers  # only when the setting is in the file

    if isinstance(value, str) and value in phonenumbers.SUPPORTED_REGIONS:
        return None
    return _("must be a two-letter country code such as NL, BE or DE, not {value!r}").format(
        value=value
    )


def _working_days(value: Any) -> str | None:
    from salesnotes.domain.days import parse_working_days

    if isinstance(value, str) and parse_working_days(value) is not None:
        return None
    return _(
        "must name the working days, such as 'mon-fri', 'mon-sat' or 'ma,di,do', not {value!r}"
    ).format(value=value)


def _holidays(value: Any) -> str | None:
    from salesnotes.publicdays import problem

    if problem(value) is None:
        return None
    return _(
        "must be a country such as NL, BE or DE (with a region: DE-NW), 'auto' (the phone "
        "region's) or 'none', not {value!r}"
    ).format(value=value)


def _email(value: Any) -> str | None:
    if value == "" or (isinstance(value, str) and "@" in value and " " not in value.strip()):
        return None
    return _("must be an e-mail address, not {value!r}").format(value=value)


def _emails(value: Any) -> str | None:
    """One e-mail address or several, separated by ',' or ';'."""
    if isinstance(value, str) and all(
        "@" in part for part in value.replace(";", ",").split(",") if part.strip()
    ):
        return None
    return _("must be one e-mail address or several (a@x.nl, b@y.nl), not {value!r}").format(
        value=value
    )


def _short_name(value: Any) -> str | None:
    from salesnotes.team import problem

    return problem(value) if value != "" else None


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and len(value) <= 2000 else N_("must be text")


def _address(value: Any) -> str | None:
    if value == "" or (isinstance(value, str) and value.startswith(("https://", "http://"))):
        return None
    return N_("must be an address starting with https://")


def _mail_server(value: Any) -> str | None:
    if value == "" or (isinstance(value, str) and value.startswith(("imaps://", "imap://"))):
        return None
    return N_("must be an address starting with imaps:// (or imap:// for STARTTLS)")


_PERCENT = _integer(0, 100)
_WEIGHT = _number(-10_000, 10_000)

# key -> (default, check, documentation). Dotted keys are TOML tables: [quotes] currency = ...
SETTINGS: dict[str, tuple[Any, Check, str]] = {
    "ui.language": (
        "auto",
        _one_of("auto", "nl", "en"),
        N_("language of what people read: nl, en, or auto (the locale: LANG)"),
    ),
    "team.me": (
        "",
        _short_name,
        N_("who you are in a team's book (default: SALESNOTES_USER, else your login name)"),
    ),
    "money.currency": ("EUR", _currency, N_("currency of new quotes")),
    "money.format": ("nl", _one_of("nl", N_("en")), "nl: € 12.500,00; en: € 12,500.00"),
    "phone.region": ("NL", _region, N_("country of phone numbers typed without +31 / 0031")),
    "calendar.working_days": (
        "mon-fri",
        _working_days,
        N_("days worked: relative dates skip the others, overdue counts only these"),
    ),
    "calendar.holidays": (
        "auto",
        _holidays,
        N_("public holidays not worked: NL, BE, DE-NW, ...; 'auto': the phone region's; 'none'"),
    ),
    "dates.next_weekday": (
        "coming",
        _one_of("coming", "next-week"),
        N_("'volgende vrijdag' said on a Monday: coming (this week's) or next-week"),
    ),
    "quotes.valid_days": (30, _integer(1, 3650), N_("validity of a new quote without --valid")),
    "quotes.chase_after_working_days": (3, _integer(1, 60), N_("chase a sent quote after")),
    "quotes.expiring_within_days": (7, _integer(0, 90), N_("agenda: quotes expiring within")),
    "quotes.stale_after_days.draft": (14, _integer(1, 365), N_("a draft is stale after")),
    "quotes.stale_after_days.sent": (7, _integer(1, 365), N_("a sent quote is stale after")),
    "quotes.stale_after_days.negotiating": (5, _integer(1, 365), N_("negotiating: stale after")),
    "quotes.probability.draft": (10, _PERCENT, N_("win probability of a draft, %")),
    "quotes.probability.sent": (30, _PERCENT, N_("win probability of a sent quote, %")),
    "quotes.probability.negotiating": (60, _PERCENT, N_("win probability when negotiating, %")),
    "rhythm.lead": ("off", _period_or_off, N_("keep-in-touch rhythm of leads")),
    "rhythm.prospect": ("2w", _period_or_off, N_("keep-in-touch rhythm of prospects")),
    "rhythm.customer": ("8w", _period_or_off, N_("keep-in-touch rhythm of customers")),
    "rhythm.ambassador": ("12w", _period_or_off, N_("keep-in-touch rhythm of ambassadors")),
    "rhythm.former": ("off", _period_or_off, N_("keep-in-touch rhythm of former customers")),
    "team.ride_along_every": ("6w", _period_or_off, N_("manager: out with each one every")),
    "rhythm.learn": (True, _boolean, N_("learn each contact's own rhythm")),
    "rhythm.plan_next": (False, _boolean, N_("plan the proposed next contact")),
    "complaints.response_hours": (
        24,
        _integer(1, 24 * 90),
        N_("a complaint must be answered within"),
    ),
    "brief.top": (10, _integer(1, 200), N_("agenda rows in the briefing")),
    "brief.to": ("", _emails, N_("recipients of 'brief --format email' (a@x.nl, b@y.nl)")),
    "brief.from": ("", _email, N_("sender of 'brief --format email' (default: the recipient)")),
    "backup.keep": (7, _integer(1, 1000), N_("dated backups kept by 'backup' without a path")),
    "agenda.limit": (25, _integer(0, 100_000), N_("rows in 'agenda' without --limit (0: all)")),
    "agenda.calls_per_day": (0, _integer(0, 1000), N_("most follow-ups on a day (0: any)")),
    "agenda.weights.complaint": (1000, _WEIGHT, N_("reason: complaint")),
    "agenda.weights.callback": (500, _WEIGHT, N_("reason: callback")),
    "agenda.weights.quote": (150, _WEIGHT, N_("reason: quote follow-up")),
    "agenda.weights.question": (100, _WEIGHT, N_("reason: question")),
    "agenda.weights.checkin": (60, _WEIGHT, N_("reason: check-in")),
    "agenda.weights.other": (60, _WEIGHT, N_("reason: other follow-up")),
    "agenda.weights.overdue": (100, _WEIGHT, N_("a follow-up past its day")),
    "agenda.weights.overdue_per_day": (2, _WEIGHT, N_("per day overdue")),
    "agenda.weights.overdue_max_days": (60, _integer(0, 3650), N_("days overdue that count")),
    "agenda.weights.priority_high": (50, _WEIGHT, N_("priority high")),
    "agenda.weights.priority_low": (-25, _WEIGHT, N_("priority low")),
    "agenda.weights.complaint_late": (200, _WEIGHT, N_("a complaint past its response time")),
    "agenda.weights.quote_expired": (200, _WEIGHT, N_("an open quote past its validity")),
    "agenda.weights.quote_expiring": (150, _WEIGHT, N_("a quote expiring soon")),
    "agenda.weights.quote_expiring_per_day": (10, _WEIGHT, N_("per day closer to expiry")),
    "agenda.weights.quote_stale": (120, _WEIGHT, N_("a stale quote")),
    "agenda.weights.quote_value_per_1000": (1, _WEIGHT, N_("per 1,000 of the quote's amount")),
    "agenda.weights.quote_value_max": (100, _WEIGHT, N_("at most, for the amount")),
    "agenda.weights.rhythm": (80, _WEIGHT, N_("a contact past their keep-in-touch rhythm")),
    "agenda.weights.rhythm_per_rhythm": (100, _WEIGHT, N_("per whole rhythm overdue")),
    "agenda.weights.rhythm_max": (300, _WEIGHT, N_("at most, for being overdue")),
    "sync.url": (
        "",
        _address,
        N_("your CardDAV/CalDAV server ('salesnotes sync setup' fills [sync])"),
    ),
    "sync.user": ("", _text, N_("your user name on it")),
    "sync.addressbook": ("", _address, N_("the address book the book's contacts go to")),
    "sync.tasks": ("", _address, N_("the task list the follow-ups go to")),
    "sync.calendar": ("", _address, N_("the calendar follow-ups with a time go to")),
    "sync.followups_as": (
        "tasks",
        _one_of("tasks", "events", "both"),
        N_("tasks (and events for those at a time), events (for phones without tasks), or both"),
    ),
    "sync.password_command": (
        "",
        _text,
        N_("a command that prints the password (pass show dav/anouk); never stored"),
    ),
    "sync.ca_file": (
        "",
        _text,
        N_("a company's own CA certificate (PEM) the server's is signed by"),
    ),
    "mail.server": (
        "",
        _mail_server,
        N_("your IMAP server for 'mail sync': imaps://mail.example.nl (imap://: STARTTLS)"),
    ),
    "mail.user": ("", _text, N_("your user name on the IMAP server")),
    "mail.folders": ("INBOX", _text, N_("the IMAP folders 'mail sync' reads (INBOX, Sent, CRM)")),
    "mail.me": ("", _emails, N_("your own addresses: mail from them is mail you sent")),
    "mail.keep": (
        "first-lines",
        _one_of("first-lines", "subject"),
        N_("what a mail's conversation keeps: first-lines (and the subject), or subject"),
    ),
    "mail.password_command": (
        "",
        _text,
        N_("a command that prints the IMAP password (pass show mail/anouk); never stored"),
    ),
    "mail.ca_file": ("", _text, N_("a company's own CA certificate (PEM) for the IMAP server")),
}


def save_table(path: str, table: str, values: dict[str, str]) -> None:
    """Write ``[table]`` with ``values`` into the configuration file at ``path`` (made when
    missing), in place of the table it had; every other line stays as it was. Written to
    a temporary file and renamed: a failure leaves the old file."""
    import json
    import re

    text = _read_config(path) if os.path.exists(path) else ""
    lines, kept, inside = text.splitlines(), [], False
    for line in lines:
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            inside = header.group(1) == table
        if not inside:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    section = [f"[{table}]", *(f"{key} = {json.dumps(value)}" for key, value in values.items())]
    new = "\n".join([*kept, *([""] if kept else []), *section]) + "\n"
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(new)
    os.replace(temporary, path)


def config_path() -> str:
    """$SALESNOTES_CONFIG, else config.toml in the platform's user config folder."""
    env = os.environ.get("SALESNOTES_CONFIG")
    if env:
        return os.path.expanduser(env)
    return os.path.join(user_folder("config"), "config.toml")


def user_folder(kind: str) -> str:
    """salesnotes' user ``config`` or ``data`` folder, as platformdirs defines them.

    On Linux and the BSDs that is the XDG rule ($XDG_CONFIG_HOME or ~/.config, $XDG_DATA_HOME
    or ~/.local/share), read here directly because every command needs it and importing
    platformdirs costs more than the rest of a start-up's path work; elsewhere (macOS,
    Windows) platformdirs decides.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        variable, fallback = {
            "config": ("XDG_CONFIG_HOME", "~/.config"),
            "data": ("XDG_DATA_HOME", "~/.local/share"),
            "cache": ("XDG_CACHE_HOME", "~/.cache"),
        }[kind]
        base = os.environ.get(variable, "").strip() or fallback
        return os.path.join(os.path.expanduser(base), "salesnotes")
    import platformdirs

    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return finder("salesnotes", appauthor=False)


@record
class Config:
    """Effective settings, and where each came from ('default' or the file's path)."""

    values: dict[str, Any]
    sources: dict[str, str]
    path: str

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get_int(self, key: str) -> int:
        """A whole-number setting."""
        return int(self.values[key])

    def get_bool(self, key: str) -> bool:
        """A true/false setting."""
        return bool(self.values[key])

    def get_str(self, key: str) -> str:
        """A text setting."""
        return str(self.values[key])

    def working_days(self) -> frozenset[int]:
        """The ``calendar.working_days`` setting as weekday numbers (0 is Monday)."""
        from salesnotes.domain.days import WORKWEEK, parse_working_days

        return parse_working_days(str(self.values["calendar.working_days"])) or WORKWEEK

    def holiday_region(self) -> str:
        """The region whose public holidays are not worked ('' for none)."""
        from salesnotes.publicdays import region_of

        return region_of(self.get_str("calendar.holidays"), self.get_str("phone.region"))

    def items(self) -> Iterator[tuple[str, Any, str]]:
        """(key, value, source) for every setting, in documentation order."""
        for key in SETTINGS:
            yield key, self.values[key], self.sources[key]


def defaults() -> Config:
    """The documented defaults, without reading any file."""
    return Config(
        values={key: spec[0] for key, spec in SETTINGS.items()},
        sources=dict.fromkeys(SETTINGS, "default"),
        path="",
    )


def _flatten(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, dotted + ".")
        else:
            yield dotted, value


LARGEST_CONFIG = 1024 * 1024
"""A configuration is a page of settings; a file bigger than this is not one."""


def _read_config(path: str) -> str:
    """The text of a configuration file: only a regular file of a sane size (/dev/zero would
    be read until the system stops it, a FIFO would wait for ever)."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
    try:
        facts = os.fstat(fd)
        if not stat.S_ISREG(facts.st_mode):
            raise ConfigError(_("{path} is not a regular file, so not a configuration").format(
                path=path))  # fmt: skip
        if facts.st_size > LARGEST_CONFIG:
            raise ConfigError(_("{path} is over {size} KB, too big to be a configuration").format(
                path=path, size=LARGEST_CONFIG // 1024))  # fmt: skip
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(LARGEST_CONFIG + 1)
    finally:
        os.close(fd)
    if len(data) > LARGEST_CONFIG:  # it grew while it was read
        raise ConfigError(_("{path} is over {size} KB, too big to be a configuration").format(
            path=path, size=LARGEST_CONFIG // 1024))  # fmt: skip
    return data.decode("utf-8")


def load(path: str | os.PathLike[str] | None = None, *, named_must_exist: bool = True) -> Config:
    """Defaults overridden by the configuration file, if there is one. A file that
    $SALESNOTES_CONFIG names must exist, unless ``named_must_exist`` is off (``config``
    shows where it would be)."""
    path = os.fspath(path) if path else config_path()
    base = defaults()
    values, sources = dict(base.values), dict(base.sources)
    if not os.path.exists(path):
        if named_must_exist and os.environ.get("SALESNOTES_CONFIG") and path == config_path():
            # Named on purpose (a crontab line): a typo must not run with the defaults.
            raise ConfigError(
                _("SALESNOTES_CONFIG names {path}, which does not exist").format(path=path)
            )
        return Config(values, sources, path)
    import tomllib

    try:
        data = tomllib.loads(_read_config(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_("{path} is not valid TOML: {exc}").format(path=path, exc=exc)) from exc
    except RecursionError:
        raise ConfigError(
            _("{path} is nested too deeply to be a configuration").format(path=path)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{path} cannot be read: {exc}").format(path=path, exc=exc)) from exc
    for key, value in _flatten(data):
        if key not in SETTINGS:
            known = sorted({k.rsplit(".", 1)[0] for k in SETTINGS})
            raise ConfigError(
                _(
                    "{path}: unknown setting '{key}'; 'salesnotes config' lists them "
                    "(tables: {known})"
                ).format(path=path, key=key, known=", ".join(known))
            )
        problem = SETTINGS[key][1](value)
        if problem:
            raise ConfigError(
                _("{path}: '{key}' {problem}").format(path=path, key=key, problem=problem)
            )
        values[key] = value
        sources[key] = str(path)
    return Config(values, sources, path)
