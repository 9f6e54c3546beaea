"""A real browser for the tests: Debian's chromium, headless, draws an HTML file to a PNG
(what a person would see), and the tests read its pixels back with Pillow. Never a mock of
the rendering: the charts are inline SVG, and only a browser says what they look like.

Run in a temporary home of its own, without a sandbox (CI runs as root, where chromium's
sandbox refuses to start), on a file:// page with no network. Without chromium the tests
that need it are skipped, saying why, or fail where ``SALESNOTES_BROWSER=required`` (CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome")


def browser() -> str:
    """The browser's program, or skip (fail where it is required)."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("SALESNOTES_BROWSER") == "required":
        pytest.fail("no chromium, and SALESNOTES_BROWSER=required (apt-get install chromium)")
    pytest.skip("no headless browser (Debian: apt-get install chromium)")


def screenshot(page: Path, png: Path, *, width: int = 900, height: int = 1800) -> Path:
    """``page`` as a browser draws it, to ``png``."""
    home = png.parent / "browser-home"
    home.mkdir(exist_ok=True)
    env = {
        "HOME": str(home), "PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
    }  # fmt: skip
    subprocess.run(
        [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", "--force-device-scale-factor=1",
            f"--user-data-dir={home / 'profile'}", f"--window-size={width},{height}",
            f"--screenshot={png}", page.resolve().as_uri(),
        ],
        env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert png.exists(), "the browser wrote no picture"
    return png


def bars(png: Path, colour: str) -> list[tuple[int, int, int]]:
    """The solid bars of ``colour`` ('#2f6fb3') in the picture, top to bottom: (top y, left
    x, width in pixels) of each band of rows holding that colour."""
    from PIL import Image

    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(png) as opened:
        image = opened.convert("RGB")
    w, h = image.size
    pixels = image.load()
    assert pixels is not None
    found: list[tuple[int, int, int]] = []
    previous = False
    for y in range(h):
        xs = [x for x in range(w) if pixels[x, y] == want]
        if xs and not previous:
            found.append((y, xs[0], xs[-1] - xs[0] + 1))
        elif xs:  # the same bar: keep its widest row
            top, left, wide = found[-1]
            found[-1] = (top, min(left, xs[0]), max(wide, xs[-1] - xs[0] + 1))
        previous = bool(xs)
    return found
