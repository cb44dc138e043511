"""Sub-commands of the `planner` command line, one module each.

Each module has `register(subparsers)`; its handler imports what it needs inside the function, so
`planner bsa` never pays for pandas, reportlab, SQLAlchemy or Qt.
"""
