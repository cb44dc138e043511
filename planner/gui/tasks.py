"""Slow work off the GUI thread (Anki's QueryOp pattern): the function never touches a widget; its result
(or its exception) comes back on the GUI thread through a queued signal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.number = number
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(False)  # the Python object owns it (the signals must outlive run())

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported to the GUI thread, which decides what to show
            self.signals.failed.emit(self.number, exc)
        else:
            self.signals.finished.emit(self.number, result)


class TaskRunner(QObject):
    """Starts tasks on a private pool; callbacks run on the thread this runner lives in (the GUI thread).

    The signals are connected to this QObject's own slots, which Qt queues to its thread; a bare Python
    callable would instead run on the worker thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one database at a time: keeps the work in order
        self._running: dict[int, tuple[Task, Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._numbers = itertools.count(1)

    def start(self, work: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None]) -> Task:
        task = Task(next(self._numbers), work)
        self._running[task.number] = (task, on_done, on_error)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self.pool.start(task)
        return task

    @Slot(int, object)
    def _finished(self, number: int, result: object) -> None:
        entry = self._running.pop(number, None)
        if entry is not None:
            entry[1](result)

    @Slot(int, object)
    def _failed(self, number: int, exc: object) -> None:
        entry = self._running.pop(number, None)
        if entry is not None:
            entry[2](exc)  # type: ignore[arg-type]

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def call(self, work: Callable[[], Any]) -> Any:
        """Run `work` on the worker thread and return its result (or raise its exception) here, on the GUI
        thread, once it is done -- a save that waits on a slow disk does not freeze the window (issue 14).

        Meanwhile a local event loop keeps painting and running timers, but holds back keyboard and mouse
        input (Qt delivers it afterwards), so no second edit can start while this one is being saved and
        callers -- QUndoStack's undo()/redo() above all -- keep their one-call-one-result semantics.
        """
        from PySide6.QtCore import QEventLoop

        outcome: list[tuple[bool, Any]] = []
        loop = QEventLoop()

        def finished(result: Any) -> None:
            outcome.append((True, result))
            loop.quit()

        def failed(exc: BaseException) -> None:
            outcome.append((False, exc))
            loop.quit()

        self.start(work, finished, failed)
        while not outcome:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        ok, value = outcome[0]
        if not ok:
            raise value
        return value
