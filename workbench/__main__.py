"""`python -m workbench` runs the command line (the GUI by default)."""

from workbench.app import main

raise SystemExit(main())
