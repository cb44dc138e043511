"""Qt item models wrapping core objects (read-only adapters; the core owns the data)."""
