"""One masking function for every message, title, log line and dialog: no secret shown.

Database URLs carry passwords (`postgresql://jo:secret@host/plan`, `?password=secret`,
libpq's `password=secret`), and a mistyped URL read as a file path carries them too.
"""

from __future__ import annotations

import re

MASK = "***"
_USERINFO = re.compile(r"(?<![\w.%+-])([\w.%+-]+):([^\s/@:]+)@")
_KEYWORD = re.compile(
    r"(?i)(\b(?:password|passwd|pwd|sslpassword|secret|token|api_?key)\s*=\s*)"
    r"('[^']*'|\"[^\"]*\"|[^\s&;#'\"]+)")


def mask(text: object) -> str:
    """`text` with every password it carries replaced by ***."""
    out = _USERINFO.sub(rf"\1:{MASK}@", str(text))
    return _KEYWORD.sub(rf"\1{MASK}", out)
