"""Cycle Planner: treatment-cycle planning, dose checking and patient schedules for oncology nurses."""

__version__ = "0.1.0"
