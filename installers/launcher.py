"""Entry point frozen by PyInstaller: the same `workbench` command as the pip install."""

import sys

from workbench.app import main

if __name__ == "__main__":
    sys.exit(main())
