"""Widgets that show a computed plan (calendar, cycles table, dose check); no database access."""
