"""`--database URL|PATH`, shared by the commands that read or write patient records."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.store import PatientStore


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=None, metavar="URL|PATH",
                        help="database file or URL (default: $PLANNER_DATABASE, else the per-user data folder)")


def open_store(args: argparse.Namespace) -> PatientStore:
    from planner.store import PatientStore

    return PatientStore.open(args.database)
