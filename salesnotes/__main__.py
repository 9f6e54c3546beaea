"""``python -m salesnotes``."""

from __future__ import annotations

from salesnotes.entry import main

if __name__ == "__main__":
    main()
