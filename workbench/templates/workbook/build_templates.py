"""Generate the pristine templates into resources/templates/:
python -m workbench.templates.workbook.build_templates [folder]"""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.templates.layouts.registry import SPECS, templates_dir
from workbench.templates.workbook.builder import build, save_reproducibly


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else templates_dir()
    for spec in SPECS.values():
        path = out / spec.file_name
        save_reproducibly(build(spec), path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
