"""Entry point of the frozen `planner` executable (PyInstaller runs a script, not a console_scripts entry)."""

from planner.cli import main

raise SystemExit(main())
