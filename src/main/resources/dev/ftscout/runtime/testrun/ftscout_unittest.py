# ftscout's unittest runner: `python ftscout_unittest.py [the arguments of python -m unittest]`.
# Runs the suite as `python -m unittest` would, records each test's outcome and details as events
# and as JUnit XML (FTSCOUT_JUNIT), dumps threads on hangs and crashes, and under thread stress runs
# every test concurrently in several threads, each thread with its own TestCase instance (so setUp
# runs once per thread). A test method or class with `__ftscout_thread_unsafe__ = "reason"` (or
# pytest-run-parallel's `__thread_safe__ = False`) runs in one thread.
import os
import sys
import time
import unittest
import warnings
from xml.sax.saxutils import escape, quoteattr

import ftscout_testkit as kit

SETTINGS = kit.Settings()
EVENTS = kit.Events(SETTINGS.events)
WATCHDOG = kit.Watchdog(SETTINGS)
CURRENT = {"id": ""}


class Recorder(unittest.TestResult):
    """Keeps exceptions themselves (not only formatted text) so failures can be categorised."""

    def __init__(self):
        super(Recorder, self).__init__()
        self.problems = []
        self.skip_reason = None
        self.successes = 0

    def addFailure(self, test, err):
        super(Recorder, self).addFailure(test, err)
        self.problems.append(("failed", err[1]))

    def addError(self, test, err):
        super(Recorder, self).addError(test, err)
        self.problems.append(("error", err[1]))

    def addSkip(self, test, reason):
        super(Recorder, self).addSkip(test, reason)
        self.skip_reason = reason

    def addExpectedFailure(self, test, err):
        super(Recorder, self).addExpectedFailure(test, err)
        self.skip_reason = "expected failure"

    def addSuccess(self, test):
        super(Recorder, self).addSuccess(test)
        self.successes += 1

    def addSubTest(self, test, subtest, err):
        super(Recorder, self).addSubTest(test, subtest, err)
        if err is not None:
            kind = "failed" if issubclass(err[0], test.failureException) else "error"
            self.problems.append((kind, err[1]))


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            for t in flatten(item):
                yield t
        else:
            yield item


def single_reason(test):
    method = getattr(test, getattr(test, "_testMethodName", ""), None)
    for owner in (method, type(test)):
        reason = getattr(owner, "__ftscout_thread_unsafe__", None)
        if reason:
            return "marked __ftscout_thread_unsafe__ (%s)" % reason if isinstance(reason, str) else "marked __ftscout_thread_unsafe__"
        if getattr(owner, "__thread_safe__", True) is False:
            return "__thread_safe__ = False"
    if getattr(method, "__unittest_skip__", False) or getattr(type(test), "__unittest_skip__", False):
        return None
    if not hasattr(test, "_testMethodName"):
        return "not a TestCase (%s)" % type(test).__name__
    return None


def location(test):
    method = getattr(test, getattr(test, "_testMethodName", ""), None)
    code = getattr(getattr(method, "__func__", method), "__code__", None)
    if code is None:
        return "", 0
    return kit.project_file(code.co_filename, SETTINGS.root) or "", code.co_firstlineno


class Runner(object):
    def __init__(self, junit):
        self.junit = junit
        self.cases = []

    def run(self, suite):
        WATCHDOG.start_session()
        EVENTS.emit(e="session", runner="unittest", gil=kit.gil_enabled(), threads=SETTINGS.threads)
        tests = [t for t in flatten(suite) if t.id() not in SETTINGS.deselect]
        for test in tests:
            EVENTS.emit(e="collected", id=test.id(), junit=junit_key(test))
            if SETTINGS.threads > 1:
                reason = single_reason(test)
                if reason:
                    EVENTS.emit(e="single", id=test.id(), reason=reason)
        result = unittest.TestResult()
        for test in tests:
            self.run_one(test, result)
        self.write_junit()
        return result

    def run_one(self, test, overall):
        test_id = test.id()
        CURRENT["id"] = test_id
        file, line = location(test)
        before = kit.gil_enabled()
        EVENTS.emit(e="begin", id=test_id, file=file, line=line)
        WATCHDOG.arm(test_id)
        started = time.perf_counter()
        stress = SETTINGS.threads > 1 and single_reason(test) is None
        recorders = []
        try:
            if stress and hasattr(test, "_testMethodName"):
                EVENTS.emit(e="stress", id=test_id, threads=SETTINGS.threads,
                            iterations=SETTINGS.iterations, per_thread=["TestCase instance"])
                instances = [type(test)(test._testMethodName) for _ in range(SETTINGS.threads)]

                def call(index):
                    recorder = Recorder()
                    recorders.append(recorder)
                    instances[index](recorder)
                    if recorder.problems:
                        # Stop this thread's iterations at its first failure.
                        raise StopIteration

                try:
                    kit.run_in_threads(call, SETTINGS.threads, SETTINGS.iterations)
                except StopIteration:
                    pass
            else:
                recorder = Recorder()
                recorders.append(recorder)
                test(recorder)
        finally:
            WATCHDOG.disarm()
        seconds = time.perf_counter() - started
        after = kit.gil_enabled()
        if before is False and after is True:
            EVENTS.emit(e="gil", id=test_id, warning="sys._is_gil_enabled() turned True")
        problems = [p for r in recorders for p in r.problems]
        skipped = next((r.skip_reason for r in recorders if r.skip_reason), None)
        if problems:
            outcome, exc = problems[0]
            category, type_name, message, files = kit.describe(exc, SETTINGS.root)
            if file:
                if file in files:
                    files.remove(file)
                files.insert(0, file)
            EVENTS.emit(e="result", id=test_id, when="call", outcome=outcome, category=category,
                        type=type_name, message=message, files=files, line=line)
            overall.testsRun += 1
            (overall.failures if outcome == "failed" else overall.errors).append((test, message))
        elif skipped is not None:
            outcome, message, type_name = "skipped", skipped, ""
            EVENTS.emit(e="result", id=test_id, when="call", outcome="skipped",
                        files=[file] if file else [], line=line)
            overall.skipped.append((test, skipped))
        else:
            outcome, message, type_name = "passed", "", ""
            EVENTS.emit(e="result", id=test_id, when="call", outcome="passed",
                        files=[file] if file else [], line=line)
            overall.testsRun += 1
        EVENTS.emit(e="end", id=test_id)
        CURRENT["id"] = ""
        self.cases.append((junit_key(test), outcome, type_name, message, seconds))

    def write_junit(self):
        if not self.junit:
            return
        failures = sum(1 for c in self.cases if c[1] == "failed")
        errors = sum(1 for c in self.cases if c[1] == "error")
        skipped = sum(1 for c in self.cases if c[1] == "skipped")
        lines = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<testsuites><testsuite name="unittest" tests="%d" failures="%d" errors="%d"'
            ' skipped="%d">' % (len(self.cases), failures, errors, skipped),
        ]
        for (classname, name), outcome, type_name, message, seconds in self.cases:
            lines.append(
                '<testcase classname=%s name=%s time="%.6f">'
                % (quoteattr(classname), quoteattr(name), seconds)
            )
            if outcome == "failed":
                lines.append('<failure type=%s message=%s/>' % (quoteattr(type_name), quoteattr(message)))
            elif outcome == "error":
                lines.append('<error type=%s message=%s/>' % (quoteattr(type_name), quoteattr(message)))
            elif outcome == "skipped":
                lines.append("<skipped message=%s/>" % quoteattr(message))
            lines.append("</testcase>")
        lines.append("</testsuite></testsuites>")
        tmp = self.junit + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, self.junit)


def junit_key(test):
    test_id = test.id()
    classname, _, name = test_id.rpartition(".")
    return [classname, name]


def watch_gil_warnings():
    original = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, RuntimeWarning) and kit.is_gil_warning_text(str(message)):
            EVENTS.emit(e="gil", id=CURRENT["id"], warning=str(message))
        original(message, category, filename, lineno, file, line)

    warnings.showwarning = show


def main():
    # The runner's own folder is not the project's.
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and os.path.abspath(sys.path[0]) == here:
        sys.path[0] = os.getcwd()
    watch_gil_warnings()
    program = unittest.main(
        module=None,
        argv=["python -m unittest"] + sys.argv[1:],
        testRunner=Runner(os.environ.get("FTSCOUT_JUNIT", "")),
        exit=False,
    )
    result = program.result
    sys.stdout.flush()
    bad = len(result.failures) + len(result.errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
