"""Write resources/icons/planning-workbench.ico from the 256 px PNG (needs Pillow).

Windows picks the size it needs from the .ico (16 px in lists, 32/48 px on the desktop and
Start menu, 256 px in large views), so every one of those sizes goes in, not only 256 px.
Usage: python installers/make_icon.py [--force]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PNG = ROOT / "resources" / "icons" / "planning-workbench.png"
ICO = ROOT / "resources" / "icons" / "planning-workbench.ico"
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def make_icon(png: Path = PNG, ico: Path = ICO) -> Path:
    from PIL import Image

    with Image.open(png) as image:
        image.convert("RGBA").save(ico, format="ICO", sizes=SIZES)
    return ico


def main(argv: list[str]) -> int:
    if ICO.exists() and "--force" not in argv:
        print(f"{ICO.relative_to(ROOT)} exists (use --force to rewrite it)")
        return 0
    make_icon()
    print(f"wrote {ICO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
