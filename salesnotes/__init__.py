"""salesnotes: record a conversation in one command, get a ranked "who to call today" list."""

from __future__ import annotations

__version__ = "0.1.0"
