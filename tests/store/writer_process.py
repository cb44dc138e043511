"""A separate process that writes to a patient database in a loop, for the crash and concurrency tests.

    python writer_process.py crash DB PREFIX      add patients (and a delay each) forever; after each commit
                                                  print "ack MRN VERSION" (flushed)
    python writer_process.py contend DB MRN N     add N delays to one patient, retrying on StaleRecord;
                                                  print "done RETRIES"
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

from planner.core.modifications import Delay, OmitDays
from planner.store import PatientIdentity, PatientStore, StaleRecord


def crash(db: str, prefix: str) -> None:
    with PatientStore.open(db, actor=f"writer-{prefix}") as store:
        print("ready", flush=True)
        n = 0
        while True:
            n += 1
            mrn = f"{prefix}-{n}"
            record = store.add_patient(PatientIdentity(name=f"Patient {n}", mrn=mrn), height_cm=Decimal(170),
                                       weight_kg=Decimal(70), measured_on=date(2026, 1, 1),
                                       regimen_id="anlotinib-epirubicin", start=date(2026, 1, 5))
            print(f"ack {mrn} {record.version}", flush=True)
            record, _ = store.add_modification(mrn, Delay(2, 1 + n % 5), "counts", expected_version=record.version)
            print(f"ack {mrn} {record.version}", flush=True)


def contend(db: str, mrn: str, count: int) -> None:
    retries = 0
    with PatientStore.open(db) as store:
        done = 0
        while done < count:
            version = store.get_patient(mrn).version
            try:
                store.add_modification(mrn, OmitDays("anlotinib", 1 + done % 12, (14,)), "contention test",
                                       expected_version=version)
                done += 1
            except StaleRecord:
                retries += 1
    print(f"done {retries}", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "crash":
        crash(sys.argv[2], sys.argv[3])
    else:
        contend(sys.argv[2], sys.argv[3], int(sys.argv[4]))
