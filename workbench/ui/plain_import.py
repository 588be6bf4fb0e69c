"""Importing a large Qt-free library after PySide6 without PySide6's import check.

Once imported, PySide6 replaces `builtins.__import__` with its `__feature__` check, which
reads the source of every module imported after it (to see whether it asks for a Qt
feature). For pandas, imported after the first paint when the window opened on kept
figures (engine.kept), that is some 400 modules read: 70 ms more, and 25 MB of source
text held in linecache. This module is imported before PySide6 (app._import_before_qt) and
keeps the import as it was then; `import_plain` uses it for modules that never ask for a
Qt feature. Imported after PySide6 (as in the tests), it keeps the checked import, and
`import_plain` imports as any import does.
"""

from __future__ import annotations

import builtins
import importlib
import sys
import threading
from types import ModuleType

_BEFORE_QT = builtins.__import__
_lock = threading.Lock()


def import_plain(name: str) -> ModuleType:
    """`importlib.import_module(name)` with the import as it was before PySide6 loaded.
    Called on the GUI thread; another thread's import meanwhile is only unchecked too."""
    if name in sys.modules:
        return sys.modules[name]
    with _lock:
        checked, builtins.__import__ = builtins.__import__, _BEFORE_QT
        try:
            return importlib.import_module(name)
        finally:
            builtins.__import__ = checked
