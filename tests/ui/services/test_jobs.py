"""JobRunner: per kind the latest job wins, cancel reaches the worker, one message rule."""

from __future__ import annotations

import threading

from desktop.core.documents import ArticleError
from desktop.ui.services.jobs import JobRunner, message_for


def test_latest_job_of_a_kind_wins_and_other_kinds_are_kept(qtbot):
    runner = JobRunner(threads=2)
    gate = threading.Event()
    done = []
    runner.done.connect(lambda kind, job_id, result: done.append((kind, result)))
    runner.start("load", lambda job: (gate.wait(5), "old")[1])
    runner.start("other", lambda job: "kept")
    runner.start("load", lambda job: "new")
    gate.set()
    runner.pool.waitForDone(5000)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
    qtbot.wait(50)
    assert sorted(done) == [("load", "new"), ("other", "kept")]


def test_cancel_sets_the_flag_the_worker_sees_and_drops_progress(qtbot):
    runner = JobRunner()
    started, seen = threading.Event(), []
    progress = []
    runner.progress.connect(lambda kind, job_id, payload: progress.append(payload))

    def work(job):
        started.set()
        job.cancel.wait(5)
        seen.append(job.cancelled)
        job.report("late")  # after cancel: must not reach the GUI
        return "stopped"

    with qtbot.waitSignal(runner.done, timeout=5000):
        runner.start("translate", work)
        started.wait(5)
        runner.cancel("translate")
    qtbot.wait(50)
    assert seen == [True] and progress == []


def test_failures_become_one_line():
    assert message_for(ArticleError("x.txt is empty")) == "x.txt is empty"
    assert message_for(ValueError("bad"), "Could not open the document") == (
        "Could not open the document: ValueError: bad"
    )
