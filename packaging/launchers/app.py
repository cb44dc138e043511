"""Entry point of the frozen `cycle-planner` executable (PyInstaller runs a script, not a console_scripts entry)."""

from planner.gui.app import main

raise SystemExit(main())
