"""`planner patient ...`: patient records from the command line (add, list, show, delay, weight,
withdraw, end, history, export, import). Every command that saves calls its planner.operations function and
prints what it saved after the commit."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from planner.commands.store_args import add_database_argument, open_store
from planner.core.columns import format_columns

if TYPE_CHECKING:
    from planner.store import PatientRecord


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from planner.commands.plan_args import add_settings_arguments

    parser = subparsers.add_parser("patient", help="patient records: add, list, show, delay, weight, export, ...")
    commands = parser.add_subparsers(dest="patient_command", required=True, metavar="ACTION",
                                     parser_class=type(parser))

    add = commands.add_parser("add", help="add a patient with the baseline measurement and the plan")
    add.add_argument("--name", required=True)
    add.add_argument("--mrn", required=True, help="medical record number (unique)")
    add.add_argument("--dob", default=None, help="date of birth, YYYY-MM-DD")
    add.add_argument("--sex", default=None, choices=["F", "M", "X"])
    add.add_argument("--diagnosis", default="", help="diagnosis / histological subtype")
    add.add_argument("--allergies", default="")
    add.add_argument("--prescriber", default="", help="the prescriber's name (printed on the dose sheet)")
    add.add_argument("--language", default="en", choices=("en", "zh_CN"),
                     help="the patient's language for the patient calendar and .ics (default en)")
    add.add_argument("--height", required=True, help="e.g. 170, 170cm, 1.7m, 67in")
    add.add_argument("--weight", required=True, help="e.g. 70, 70kg, 154lb")
    add.add_argument("--measured-on", default=None, help="date height and weight were measured (default today)")
    add.add_argument("--start", required=True, help="cycle 1 day 1, YYYY-MM-DD")
    add.add_argument("--prior", action="append", default=[], metavar="DRUG:MG_PER_M2",
                     help="prior anthracycline exposure, e.g. doxorubicin:300")
    add_settings_arguments(add)
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="one row per patient: current cycle and next dose date")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--all", action="store_true", help="include withdrawn patients")
    listing.add_argument("--today", default=None, help="list as of this date (YYYY-MM-DD; default today)")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="the record and its computed plan")
    show.add_argument("mrn")
    show.add_argument("--json", action="store_true", help="the plan as `planner plan --json` plus the record")
    show.set_defaults(handler=run_show)

    delay = commands.add_parser("delay", help="delay a cycle (later cycles move with it)")
    delay.add_argument("mrn")
    delay.add_argument("--cycle", required=True)
    delay.add_argument("--days", required=True)
    delay.add_argument("--reason", required=True)
    delay.set_defaults(handler=run_delay)

    weight = commands.add_parser("weight", help="record a new weight before a cycle (doses follow the rule)")
    weight.add_argument("mrn")
    weight.add_argument("--cycle", required=True)
    weight.add_argument("--weight", required=True, help="e.g. 63, 63kg, 139lb")
    weight.add_argument("--measured-on", default=None, help="YYYY-MM-DD (default today)")
    weight.add_argument("--reason", default="")
    weight.set_defaults(handler=run_weight)

    withdraw = commands.add_parser("withdraw", help="withdraw a patient (kept on record, with the reason)")
    withdraw.add_argument("mrn")
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(handler=run_withdraw)

    end = commands.add_parser("end", help="end the treatment (the plan stops after the cycle in progress)")
    end.add_argument("mrn")
    end.add_argument("--reason", required=True, metavar="progression|toxicity|patient-choice|death|other")
    end.add_argument("--note", default="")
    end.add_argument("--on", default=None, help="the day it ended, YYYY-MM-DD (default today)")
    end.set_defaults(handler=run_end)

    history = commands.add_parser("history", help="the audit trail of one patient")
    history.add_argument("mrn")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)

    export = commands.add_parser("export", help="write one patient as a plan file (JSON)")
    export.add_argument("mrn")
    export.add_argument("--out", required=True, metavar="FILE.json")
    export.set_defaults(handler=run_export)

    imported = commands.add_parser("import", help="add a patient from a plan file (validated; a bad file changes "
                                                  "nothing)")
    imported.add_argument("file", metavar="FILE.json")
    imported.set_defaults(handler=run_import)

    from planner.commands.assess import add_acceptance_arguments, add_assessment_arguments, run_patient_assess

    assess = commands.add_parser("assess", help="before a cycle: the proposal from the record's plan; with "
                                                "--accept, apply it")
    assess.add_argument("mrn")
    add_assessment_arguments(assess)
    add_acceptance_arguments(assess)
    assess.set_defaults(handler=run_patient_assess)

    for sub in (add, listing, show, delay, weight, withdraw, end, history, export, imported, assess):
        add_database_argument(sub)


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _saved(what: str, record: PatientRecord) -> None:
    _out(f"saved: {what} (patient {record.identity.mrn}, record version {record.version})")


def run_add(args: argparse.Namespace) -> int:
    from datetime import date

    from planner import operations
    from planner.commands.plan_args import prior_from_args, settings_from_args
    from planner.core.dates import parse_iso_date
    from planner.core.regimen import DEFAULT_REGIMEN
    from planner.core.rules import check_not_before_birth
    from planner.core.units import parse_height, parse_weight
    from planner.store import PatientIdentity

    identity = PatientIdentity(
        name=args.name, mrn=args.mrn, dob=parse_iso_date(args.dob, "dob", "--dob") if args.dob else None,
        sex=args.sex, diagnosis=args.diagnosis, allergies=args.allergies, language=args.language)
    height, weight = parse_height(args.height), parse_weight(args.weight)
    start = parse_iso_date(args.start, "start", "--start")
    measured_on = parse_iso_date(args.measured_on, "measured_on", "--measured-on") if args.measured_on \
        else date.today()
    # Nothing of a patient is dated before their birth (planner.core.rules), checked before a database opens.
    check_not_before_birth(measured_on, identity.dob, "measured_on", "--measured-on")
    check_not_before_birth(start, identity.dob, "start", "--start")
    settings, prior = settings_from_args(args), prior_from_args(args)
    with open_store(args, create=True) as store:
        record = operations.add_patient(
            store.repository, identity, height_cm=height, weight_kg=weight, measured_on=measured_on,
            regimen_id=args.regimen or DEFAULT_REGIMEN, start=start, settings=settings, prior=prior,
            prescriber=args.prescriber).record
    _saved(f"new patient {record.identity.name}, plan {record.plan.regimen_id} from {record.plan.start}", record)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from planner.core.dates import parse_iso_date

    today = parse_iso_date(args.today, "today", "--today") if args.today else None
    with open_store(args) as store:
        rows = store.list_patients(today=today, include_withdrawn=args.all)
    if args.json:
        _json([{"mrn": r.mrn, "name": r.name, "dob": r.dob.isoformat() if r.dob else None,
                "regimen": r.regimen_id, "current_cycle": r.current_cycle,
                "next_dose_date": r.next_dose_date.isoformat() if r.next_dose_date else None,
                "status": r.status, "version": r.version} for r in rows])
        return 0
    table = [["MRN", "Name", "Regimen", "Cycle", "Next dose", "Status"]]
    table += [[r.mrn, r.name, r.regimen_id, "" if r.current_cycle is None else str(r.current_cycle),
               r.next_dose_date.isoformat() if r.next_dose_date else "", r.status] for r in rows]
    for line in format_columns(table, pad_last=True):
        _out(line)
    if not rows:
        _out("(no patients)")
    return 0


def record_to_dict(record: PatientRecord) -> dict[str, Any]:
    """The stored record in the plan file's shape (without the file header)."""
    from planner.store.planfile import record_to_plan_file

    data = record_to_plan_file(record, exported_by="")
    for key in ("format", "version", "exported_at", "exported_by"):
        data.pop(key)
    data["patient"]["version"] = record.version
    data["patient"]["updated_by"] = record.updated_by
    data["patient"]["updated_at"] = record.updated_at.isoformat()
    for item, mod in zip(data["modifications"], record.modifications, strict=True):
        item["id"] = mod.id
    return data


def run_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        record = store.get_patient(args.mrn)
    plan = record.compute_plan()
    if args.json:
        from planner.core.serialize import plan_to_dict

        # The plan's own keys, exactly as `planner plan --json`; the record is added under new keys.
        data = plan_to_dict(plan)
        stored = record_to_dict(record)
        data["patient"] = stored.pop("patient")
        data["record"] = stored
        _json(data)
        return 0
    from planner.core.text_report import plan_as_text

    ident = record.identity
    lines = [f"{ident.name}  MRN {ident.mrn}" + (f"  born {ident.dob.isoformat()}" if ident.dob else "")
             + (f"  sex {ident.sex}" if ident.sex else "")]
    if record.withdrawn:
        lines.append(f"WITHDRAWN: {record.withdrawn_reason}")
    if ident.diagnosis:
        lines.append(f"Diagnosis: {ident.diagnosis}")
    if ident.allergies:
        lines.append(f"Allergies: {ident.allergies}")
    if record.plan.prescriber:
        lines.append(f"Prescriber: {record.plan.prescriber}")
    base = record.baseline_measurement
    lines.append(f"Baseline: {base.height_cm} cm, {base.weight_kg} kg on {base.measured_on.isoformat()} "
                 f"(entered by {base.entered_by})")
    for mod in record.modifications:
        state = f"  [withdrawn: {mod.withdrawn_reason}]" if mod.withdrawn else ""
        lines.append(f"#{mod.id} {_describe(mod.modification)}: {mod.reason} ({mod.created_by}, "
                     f"{mod.created_at.astimezone().strftime('%Y-%m-%d %H:%M')}){state}")
    lines.append(f"Record version {record.version}, last changed by {record.updated_by} at "
                 f"{record.updated_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
    _out("\n".join(lines) + "\n\n" + plan_as_text(plan))
    return 0


def _describe(mod: Any) -> str:
    from planner.store.codec import modification_to_dict

    data = modification_to_dict(mod)
    kind = str(data.pop("kind"))
    return kind + " " + ", ".join(f"{k} {v}" for k, v in data.items() if v is not None)


def _parse_cycle_int(text: str, option: str, what: str) -> int:
    from planner.commands.plan_args import parse_int

    return parse_int(text, option, what)


def run_delay(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.core.modifications import Delay

    mod = Delay(_parse_cycle_int(args.cycle, "--cycle", "the cycle"), _parse_cycle_int(args.days, "--days", "the days"))
    with open_store(args) as store:
        current = store.get_patient(args.mrn)
        result = operations.delay_cycle(store.repository, args.mrn, mod, args.reason,
                                        expected_version=current.version)
    record, mod_id = result.record, result.entity_id
    new_start = result.plan.cycle(mod.cycle).start
    _saved(f"delay #{mod_id}: cycle {mod.cycle} by {mod.days} days, now starts {new_start.isoformat()}", record)
    return 0


def run_weight(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.core.dates import parse_iso_date
    from planner.core.decimal_math import plain
    from planner.core.modifications import WeightChange
    from planner.core.units import parse_weight

    measured_on = parse_iso_date(args.measured_on, "measured_on", "--measured-on") if args.measured_on else None
    mod = WeightChange(_parse_cycle_int(args.cycle, "--cycle", "the cycle"), parse_weight(args.weight), measured_on)
    with open_store(args) as store:
        current = store.get_patient(args.mrn)
        result = operations.record_weight(store.repository, args.mrn, mod, args.reason,
                                          expected_version=current.version)
    record, mod_id = result.record, result.entity_id
    cycle = result.plan.cycle(mod.cycle)
    notes = " ".join(cycle.notes)
    _saved(f"weight #{mod_id}: {plain(mod.weight_kg)} kg before cycle {mod.cycle}. {notes}".rstrip(), record)
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from planner import operations
    with open_store(args) as store:
        current = store.get_patient(args.mrn)
        record = operations.withdraw_patient(store.repository, args.mrn, args.reason,
                                             expected_version=current.version).record
    _saved("patient withdrawn", record)
    return 0


def run_end(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.core.dates import parse_iso_date
    from planner.operations.treatment import parse_end_reason

    reason = parse_end_reason(args.reason)  # before opening the database: a typo changes nothing
    effective_on = parse_iso_date(args.on, "effective_on", "--on") if args.on else None
    with open_store(args) as store:
        current = store.get_patient(args.mrn)
        result = operations.end_treatment(store.repository, args.mrn, reason, args.note,
                                          effective_on=effective_on, expected_version=current.version)
    ended = result.plan.ended
    assert ended is not None
    _saved(f"treatment ended #{result.entity_id} on {ended.effective_on.isoformat()} ({reason.value}): "
           f"the plan stops after cycle {ended.cycle}", result.record)
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entries = store.audit_log(args.mrn)
    if args.json:
        _json([{"id": e.id, "at": e.at.isoformat(), "actor": e.actor, "action": e.action, "entity": e.entity,
                "entity_id": e.entity_id, "old": e.old, "new": e.new} for e in entries])
        return 0
    rows = [[e.at.astimezone().strftime('%Y-%m-%d %H:%M:%S'), e.actor, e.action,
             json.dumps({"old": e.old, "new": e.new} if e.old else e.new, ensure_ascii=False)] for e in entries]
    for line in format_columns(rows):
        _out(line)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from planner.commands.store_args import check_out

    out = check_out(args.out, args.database)
    with open_store(args) as store:
        store.export_plan_file(args.mrn, out)
    _out(f"saved: plan file {args.out} (patient {args.mrn})")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.export.atomic import check_input_file

    source = check_input_file(args.file)
    with open_store(args, create=True) as store:
        record = operations.import_plan_file(store.repository, source).record
    _saved(f"imported {record.identity.name} from {args.file}", record)
    return 0
