"""The password of the user's DAV server, from where they keep it, never from the book or the
configuration's text: ``SALESNOTES_SYNC_PASSWORD``; else ``[sync] password_command`` (its first
line of output, as vdirsyncer's ``fetch = ["command", ...]``: ``pass show dav/anouk``); else
the ``~/.netrc`` entry of the server's host; else asked for on a terminal. Never printed."""

from __future__ import annotations

import os

from salesnotes.errors import ConfigError
from salesnotes.i18n import _


def password(
    command: str, host: str, user: str, *, ask: bool, variable: str = "SALESNOTES_SYNC_PASSWORD",
    section: str = "sync",
) -> str:  # fmt: skip
    """The password of ``user`` at ``host`` (see the module; ``variable`` and ``section``:
    where the IMAP server's is, SALESNOTES_MAIL_PASSWORD and [mail])."""
    given = os.environ.get(variable)
    if given:
        return given
    if command:
        return _from_command(command, section)
    stored = _from_netrc(host, user)
    if stored:
        return stored
    if ask:
        import getpass

        typed = getpass.getpass(_("Password of {user} at {host}: ").format(user=user, host=host))
        if typed:
            return typed
    raise ConfigError(
        _(
            "no password for {user} at {host}: set {variable}, a password_command in "
            "[{section}] (e.g. pass show {section}/{user}) or a ~/.netrc entry"
        ).format(user=user, host=host, variable=variable, section=section)
    )


def _from_command(command: str, section: str) -> str:
    import shlex
    import subprocess

    try:
        done = subprocess.run(  # noqa: S603 (the user's own command, from their configuration)
            shlex.split(command), capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(
            _("[{section}] password_command could not run: {reason}").format(
                section=section, reason=exc
            )
        ) from None
    first = done.stdout.splitlines()[0] if done.stdout.strip() else ""
    if done.returncode != 0 or not first:
        raise ConfigError(
            _("[{section}] password_command gave no password (exit {code})").format(
                section=section, code=done.returncode
            )
        )
    return first


def _from_netrc(host: str, user: str) -> str | None:
    import netrc

    try:
        entry = netrc.netrc().authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None
    if entry is None or (entry[0] and entry[0] != user):
        return None
    return entry[2] or None
