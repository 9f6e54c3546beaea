"""``config``: the effective settings and where each comes from."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def show_config(env: Env, *, path: bool, fmt: str) -> None:
    """Show the effective settings (``path``: only the file's path)."""
    from salesnotes import render
    from salesnotes.config import config_path, load
    from salesnotes.render.listings import settings

    if path:
        render.echo(config_path())
        return
    settings(load(named_must_exist=False), fmt)
