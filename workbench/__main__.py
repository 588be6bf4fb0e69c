"""`python -m workbench` runs the command line (the GUI by default)."""

from workbench.cli import main

raise SystemExit(main())
