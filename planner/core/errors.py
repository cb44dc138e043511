"""One family of errors whose messages are fit to show a nurse.

Every error names what was wrong (the field, the file and key, the cycle) and what would be accepted,
so the GUI can put the message next to the field and the CLI can print it on one line.
"""

from __future__ import annotations


class PlannerError(Exception):
    """Base of every error the planner reports to a person rather than as a crash."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(PlannerError, ValueError):
    """A value typed by a person (or given on the command line) that cannot be used.

    `field` is a stable key ("height", "weight", "start", "delay", ...) that the GUI uses to decide
    which widget to mark; `message` already names the field in words.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class RegimenError(PlannerError):
    """A regimen file that is missing, unreadable or malformed."""

    def __init__(self, source: str, key: str, reason: str) -> None:
        super().__init__(f"{source}: {key}: {reason}" if key else f"{source}: {reason}")
        self.source = source
        self.key = key
        self.reason = reason
