"""File names made from text a user typed (plan names, ODS codes), safe on Windows.

Windows refuses `< > : " / \\ | ? *` and control characters, drops trailing dots and spaces,
and treats CON, PRN, AUX, NUL, COM1-9 and LPT1-9 as devices whatever the extension
("NUL.xlsx" is the null device). A ":" is worse than refused on NTFS: "10Q:a.xlsx" writes
a hidden stream "a.xlsx" of a file "10Q". Every default file name the app builds from user
text goes through `safe_file_name`, so the same rules hold on Linux too (files travel).
"""

from __future__ import annotations

import re

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_DIGITS = "123456789\u00b9\u00b2\u00b3"  # Windows 10+ also reserves COM¹ .. LPT³
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"COM{d}" for d in _DIGITS), *(f"LPT{d}" for d in _DIGITS)})
MAX_NAME = 120  # leaves room for a folder inside MAX_PATH (260) on older Windows


def _clean(text: str) -> str:
    name = FORBIDDEN.sub("-", text)
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"-{2,}", "-", name).strip(" .-")
    return name


def safe_file_name(text: str, fallback: str = "plan") -> str:
    """`text` as one file-name component: forbidden characters become "-", runs of
    whitespace one space, no leading or trailing dots/spaces, never a device name,
    at most MAX_NAME characters; `fallback` when nothing usable is left."""
    name = _clean(text)[:MAX_NAME].rstrip(" .") or _clean(fallback) or "plan"
    # Windows ignores the extension and trailing spaces when it looks for device names.
    if name.split(".", 1)[0].rstrip(" ").upper() in RESERVED:
        name = f"_{name}"
    return name


def export_file_name(*parts: str, suffix: str, fallback: str = "plan") -> str:
    """A default export file name from parts (e.g. ODS code, "finance"): each part made
    safe, empty ones left out, joined by "-", then `suffix` (".xlsx")."""
    stem = "-".join(part for part in map(_clean, parts) if part)
    stem = safe_file_name(stem[: MAX_NAME - len(suffix)], fallback)
    return f"{stem}{suffix}"
