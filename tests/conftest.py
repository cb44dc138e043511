"""Shared test set-up: Qt runs offscreen, and no test touches a real user profile or database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
