"""The pure-Python heart of the planner: units, BSA, regimens, doses and plans.

Nothing here imports Qt, pandas or reportlab; the CLI, the store, the exports and the GUI all call
this package and none of them recomputes a date or a dose on its own. Import the submodules you need
(`planner.core.bsa`, `planner.core.plan`, ...): this file stays empty so `planner bsa` starts fast.
"""
