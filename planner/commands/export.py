"""`planner pdf`, `planner daylist`, `planner ics` and `planner table`: the printed schedules and exports.

Imports stay light at module level (argparse only): `planner bsa` and `planner plan` must not pay for
reportlab or pandas, which the handlers import when they run.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from planner.commands.plan_args import add_plan_arguments

if TYPE_CHECKING:
    from datetime import date

    from planner.core.plan import Plan
    from planner.export.options import Institution, PrintOptions, Subject


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = subparsers.add_parser("pdf", help="patient calendar or clinician dose sheet as PDF")
    pdf.add_argument("--kind", required=True, choices=("patient", "clinician"),
                     help="patient: calendar to take home; clinician: dose sheet")
    _add_plan_source(pdf)
    _add_identity(pdf)
    pdf.add_argument("--measured-on", default=None, metavar="DATE",
                     help="date the height and weight were measured (dose sheet), YYYY-MM-DD")
    _add_print_options(pdf)
    _add_language(pdf, "default: the patient's language for --kind patient with --patient, else en")
    pdf.add_argument("--out", required=True, metavar="FILE", help="PDF file to write")
    pdf.set_defaults(handler=run_pdf)

    daylist = subparsers.add_parser("daylist", help="everyone due for an infusion or a cycle start on a date")
    daylist.add_argument("date", metavar="DATE", help="the clinic day, YYYY-MM-DD")
    daylist.add_argument("--database", default=None, help="patient database (path or URL; default: yours)")
    _add_print_options(daylist)
    _add_language(daylist, "default en")
    daylist.add_argument("--out", required=True, metavar="FILE", help="PDF file to write")
    daylist.set_defaults(handler=run_daylist)

    forecast = subparsers.add_parser(
        "forecast", help="infusions, oral cycle starts, blood tests and chair-hours per day for the coming weeks")
    forecast.add_argument("--from", dest="first", default=None, metavar="DATE",
                          help="first day, YYYY-MM-DD (default: today)")
    forecast.add_argument("--weeks", default="8", metavar="N", help="number of weeks, 1-52 (default 8)")
    forecast.add_argument("--database", default=None, help="patient database (path or URL; default: yours)")
    forecast.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size for a PDF")
    forecast.add_argument("--out", required=True, metavar="FILE", help="file ending in .csv, .xlsx or .pdf")
    forecast.set_defaults(handler=run_forecast)

    rdi = subparsers.add_parser("rdi", help="relative dose intensity per patient and drug (completed cycles)")
    rdi.add_argument("--as-of", default=None, metavar="DATE", help="count cycles completed before DATE (default today)")
    rdi.add_argument("--database", default=None, help="patient database (path or URL; default: yours)")
    rdi.add_argument("--out", required=True, metavar="FILE", help="file ending in .csv or .xlsx")
    rdi.set_defaults(handler=run_rdi)

    ics = subparsers.add_parser("ics", help="the plan as an iCalendar (.ics) file for a phone")
    _add_plan_source(ics)
    ics.add_argument("--mrn", default=None, help="record number: keeps event ids stable between exports")
    _add_language(ics, "default: the patient's language with --patient, else en")
    ics.add_argument("--out", required=True, metavar="FILE", help=".ics file to write")
    ics.set_defaults(handler=run_ics)

    table = subparsers.add_parser("table", help="the plan table as CSV or XLSX")
    _add_plan_source(table)
    _add_language(table, "column headings; dates stay ISO; default en")
    table.add_argument("--out", required=True, metavar="FILE", help="file ending in .csv or .xlsx")
    table.set_defaults(handler=run_table)


def _add_plan_source(parser: argparse.ArgumentParser) -> None:
    add_plan_arguments(parser, require_patient=False)
    parser.add_argument("--patient", default=None, metavar="MRN",
                        help="take the plan from the patient database (then the plan options are refused)")
    parser.add_argument("--database", default=None, help="patient database for --patient (path or URL)")


def _add_identity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", default=None, help="patient name as it should print")
    parser.add_argument("--mrn", default=None, help="medical record number")
    parser.add_argument("--dob", default=None, help="date of birth, YYYY-MM-DD")


def _add_language(parser: argparse.ArgumentParser, default: str) -> None:
    from planner.core.i18n import PRINT_LANGUAGES

    parser.add_argument("--lang", default=None, choices=PRINT_LANGUAGES, help=f"language of the printout ({default})")


def _language(args: argparse.Namespace, identity: Any | None = None) -> str:
    """--lang, else the patient's preferred language (documents the patient takes home), else English."""
    if args.lang:
        return str(args.lang)
    return str(getattr(identity, "language", None) or "en")


def _add_print_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paper", default="a4", choices=("a4", "letter"), help="paper size (default a4)")
    parser.add_argument("--institution", default="", help="institution name printed on each page")
    parser.add_argument("--phone", action="append", default=[], metavar="TEXT",
                        help='a phone line, e.g. "Day unit: 010-1234 5678" (repeatable)')
    parser.add_argument("--phone-24h", default="", metavar="TEXT",
                        help='the line answered 24 hours a day, e.g. "Emergency: 010-8765 4321" (printed marked '
                             "as such)")


# ------------------------------------------------------------------------------------ shared parsing


def _input_error(field: str, message: str) -> Exception:
    from planner.core.errors import InputError

    return InputError(field, message)


def _open_store(location: str | None) -> Any:
    from planner.commands.store_args import database_location
    from planner.store import PatientStore

    return PatientStore.open(database_location(location, create=False))


# The options that make a plan. With --patient the plan comes from the patient's record, so any of these
# would be silently ignored; a nurse who typed --delay 2:7 must not get a schedule without the delay.
_PLAN_OPTIONS = (
    ("start", "--start"), ("height", "--height"), ("weight", "--weight"), ("regimen", "--regimen"),
    ("formula", "--formula"), ("maintenance_cycles", "--maintenance-cycles"),
    ("recalc_threshold", "--recalc-threshold"), ("round_to", "--round-to"), ("bsa_cap", "--bsa-cap"),
    ("delay", "--delay"), ("reduce", "--reduce"), ("omit", "--omit"), ("stop", "--stop"),
    ("weight_at", "--weight-at"), ("prior", "--prior"),
)


def _given_plan_options(args: argparse.Namespace) -> list[str]:
    """The plan, settings and modification options given on the command line, in --help order."""
    return [option for dest, option in _PLAN_OPTIONS if getattr(args, dest, None) not in (None, [], "")]


def _plan_source(args: argparse.Namespace) -> tuple[Plan, Any | None, date | None]:
    """(plan, the patient's record from the database or None, date measured or None) from --patient or the
    plan options."""
    if args.patient:
        given = _given_plan_options(args)
        if given:
            raise _input_error(given[0].lstrip("-"), "{}: not used with --patient: the plan comes from the patient's "
                                                     "record; change it there (planner patient ... or the app) and "
                                                     "export again.".format(", ".join(given)))
        with _open_store(args.database) as store:
            record = store.get_patient(args.patient)
            args.shared_names = store.shared_names()  # a name two patients share is flagged on every page
            baseline = record.measurements[0] if record.measurements else None
            return record.compute_plan(), record, baseline.measured_on if baseline else None
    missing = [opt for opt, value in (("--start", args.start), ("--height", args.height), ("--weight", args.weight))
               if not value]
    if missing:
        raise _input_error(missing[0].lstrip("-"), "{}: required, unless --patient MRN takes the plan from the "
                                                   "database.".format(", ".join(missing)))
    from planner.commands.plan_args import plan_from_args

    return plan_from_args(args), None, None


def _subject(args: argparse.Namespace, identity: Any | None) -> Subject:
    from planner.core.dates import parse_iso_date
    from planner.export.options import Subject

    if identity is not None:
        subject = Subject.from_identity(identity, getattr(args, "shared_names", ()))
        # Options given on the command line win, e.g. a name spelled for print.
        return Subject(args.name or subject.name, args.mrn or subject.mrn,
                       parse_iso_date(args.dob, "dob", "--dob") if args.dob else subject.dob, subject.same_name)
    for option, value in (("--name", args.name), ("--mrn", args.mrn)):
        if not (value or "").strip():
            raise _input_error(option.lstrip("-"), f"{option}: required; the patient's name and MRN print on "
                                                   "every page.")
    return Subject(args.name.strip(), args.mrn.strip(),
                   parse_iso_date(args.dob, "dob", "--dob") if args.dob else None)


def _print_options(args: argparse.Namespace) -> tuple[Institution, PrintOptions]:
    from planner.export.options import Institution, PrintOptions

    phones = tuple(p.strip() for p in args.phone if p.strip())
    return (Institution(args.institution.strip(), phones, args.phone_24h.strip()),
            PrintOptions(paper=args.paper))


def _check_out(args: argparse.Namespace) -> None:
    """Refuse a bad --out before any work (and before the database is opened)."""
    from planner.commands.store_args import check_out

    check_out(args.out, getattr(args, "database", None))


def _save(args: argparse.Namespace, data: bytes) -> int:
    from planner.commands.store_args import protected_files
    from planner.export.atomic import write_atomic

    written = write_atomic(args.out, data, protected_files(getattr(args, "database", None)))
    sys.stdout.write(f"{written}\n")
    return 0


# ------------------------------------------------------------------------------------ handlers


def run_pdf(args: argparse.Namespace) -> int:
    from planner.core.dates import parse_iso_date

    _check_out(args)
    plan, record, measured_on = _plan_source(args)
    identity = record.identity if record is not None else None
    subject = _subject(args, identity)
    institution, options = _print_options(args)
    if args.measured_on:
        measured_on = parse_iso_date(args.measured_on, "measured_on", "--measured-on")
    from planner.core.i18n import language

    if args.kind == "patient":
        from planner.export.patient_calendar import check_phone, patient_calendar_pdf

        check_phone(institution)
        with language(_language(args, identity)):
            data = patient_calendar_pdf(plan, subject, institution, options)
    else:
        from planner.export.dose_sheet import dose_sheet_pdf

        # The dose sheet is for the staff: the patient's preferred language does not apply.
        with language(_language(args)):
            data = dose_sheet_pdf(plan, subject, institution, options, measured_on=measured_on, record=record)
    return _save(args, data)


def run_daylist(args: argparse.Namespace) -> int:
    from planner.core.dates import parse_iso_date
    from planner.export.day_list import day_list_pdf

    _check_out(args)
    when = parse_iso_date(args.date, "date", "DATE")
    institution, options = _print_options(args)
    with _open_store(args.database) as store:
        patients, shared = store.due_on(when), store.shared_names()
    from planner.core.i18n import language

    with language(_language(args)):
        data = day_list_pdf(when, patients, institution, options, shared_names=shared)
    return _save(args, data)


def run_forecast(args: argparse.Namespace) -> int:
    from datetime import date

    from planner.core.dates import parse_iso_date
    from planner.export.forecast import daily_forecast, forecast_bytes, forecast_format, forecast_range

    fmt = forecast_format(args.out)
    first = parse_iso_date(args.first, "from", "--from") if args.first else date.today()
    try:
        weeks = int(args.weeks)
    except ValueError:
        from planner.core.i18n import translate

        message = translate("Forecast", "Weeks: '{text}' is not a whole number; enter 1 to 52.")
        raise _input_error("weeks", message.format(text=args.weeks)) from None
    first, last = forecast_range(first, weeks)
    with _open_store(args.database) as store:
        events = store.due_between(first, last)
    return _save(args, forecast_bytes(daily_forecast(events, first, last), fmt, paper=args.paper))


def run_rdi(args: argparse.Namespace) -> int:
    from datetime import date

    from planner.core.dates import parse_iso_date
    from planner.export.intensity import intensity_bytes, patient_rows

    as_of = parse_iso_date(args.as_of, "as_of", "--as-of") if args.as_of else date.today()
    intensity_bytes(patient_rows([], as_of), args.out)  # a wrong file type is refused before the database is read
    with _open_store(args.database) as store:
        records = [store.get_patient(summary.mrn) for summary in store.list_patients(today=as_of)]
    return _save(args, intensity_bytes(patient_rows(records, as_of), args.out))


def run_ics(args: argparse.Namespace) -> int:
    from planner.export.ics import plan_to_ics
    from planner.export.options import Subject

    _check_out(args)
    plan, record, _ = _plan_source(args)
    identity = record.identity if record is not None else None
    from planner.core.rules import clean_mrn

    mrn = clean_mrn(args.mrn) if args.mrn is not None else (identity.mrn if identity is not None else None)
    subject = Subject(mrn, mrn) if mrn else None  # only seeds the event ids; the file carries no identifiers
    from planner.core.i18n import language

    with language(_language(args, identity)):
        data = plan_to_ics(plan, subject)
    return _save(args, data)


def run_table(args: argparse.Namespace) -> int:
    from planner.export.tables import plan_table_bytes, table_format

    _check_out(args)
    fmt = table_format(args.out)
    plan, _, _ = _plan_source(args)
    from planner.core.i18n import language

    with language(_language(args)):
        data = plan_table_bytes(plan, fmt)
    return _save(args, data)
