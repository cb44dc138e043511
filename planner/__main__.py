"""`python -m planner ...` runs the same command line as the `planner` script."""

from planner.cli import main

raise SystemExit(main())
