# ftscout test kit: what the pytest plugin (ftscout_pytest.py) and the unittest runner
# (ftscout_unittest.py) share. Shipped inside ftscout and put on PYTHONPATH by `ftscout test`; the
# user installs nothing. Settings come from environment variables set by ftscout:
#
#   FTSCOUT_EVENTS            file that gets one JSON event per line (begin/end of each test, ...)
#   FTSCOUT_DUMP              file that faulthandler writes crash and timeout dumps to
#   FTSCOUT_ROOT              the project root (failure files are reported relative to it)
#   FTSCOUT_STRESS_THREADS    threads each test runs in concurrently (1: serial)
#   FTSCOUT_STRESS_ITERATIONS times each thread runs the test
#   FTSCOUT_TEST_TIMEOUT      seconds one test may take before every thread is dumped and the
#                             process exits (a hang)
#   FTSCOUT_DESELECT          file with test ids (one a line) not to run (they crashed or hung)
#   FTSCOUT_PER_THREAD_FIXTURES  comma-separated fixture names evaluated once per thread
#
# Runs on CPython 3.9+ (GIL and free-threaded builds).
import faulthandler
import json
import os
import re
import sys
import threading

GIL_MESSAGE = r"The global interpreter lock \(GIL\) has been enabled to load module "
GIL_PATTERN = re.compile(GIL_MESSAGE)

# Fixtures that share process-wide state between threads (pytest-run-parallel's list, plus the
# output-capturing and warning-recording fixtures that are not thread-safe before 3.14t).
THREAD_UNSAFE_FIXTURES = (
    "capsys",
    "capsysbinary",
    "capfd",
    "capfdbinary",
    "monkeypatch",
    "recwarn",
    "caplog",
)


class Settings(object):
    def __init__(self, environ=None):
        env = os.environ if environ is None else environ
        self.events = env.get("FTSCOUT_EVENTS", "")
        self.dump = env.get("FTSCOUT_DUMP", "")
        self.root = os.path.abspath(env.get("FTSCOUT_ROOT", os.getcwd()))
        self.threads = max(1, int(env.get("FTSCOUT_STRESS_THREADS", "1") or 1))
        self.iterations = max(1, int(env.get("FTSCOUT_STRESS_ITERATIONS", "1") or 1))
        self.timeout = float(env.get("FTSCOUT_TEST_TIMEOUT", "0") or 0)
        self.deselect = set()
        path = env.get("FTSCOUT_DESELECT", "")
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                self.deselect = set(line.strip() for line in f if line.strip())
        self.per_thread = [
            n.strip() for n in env.get("FTSCOUT_PER_THREAD_FIXTURES", "").split(",") if n.strip()
        ]


class Events(object):
    """Appends one JSON object per line, flushed and synced: a crash must not lose the last one."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8") if path else None

    def emit(self, **event):
        if self.file is None:
            return
        line = json.dumps(event) + "\n"
        with self.lock:
            self.file.write(line)
            self.file.flush()
            try:
                os.fsync(self.file.fileno())
            except OSError:
                pass


class Watchdog(object):
    """faulthandler on a file: dumps every thread on a crash, and after a per-test timeout."""

    def __init__(self, settings):
        self.timeout = settings.timeout
        self.file = open(settings.dump, "a") if settings.dump else None

    def start_session(self):
        if self.file is not None:
            faulthandler.enable(file=self.file, all_threads=True)

    def arm(self, test_id):
        if self.file is not None and self.timeout > 0:
            self.file.write("ftscout: running %s\n" % test_id)
            self.file.flush()
            faulthandler.dump_traceback_later(self.timeout, exit=True, file=self.file)

    def disarm(self):
        if self.file is not None and self.timeout > 0:
            faulthandler.cancel_dump_traceback_later()


def gil_enabled():
    f = getattr(sys, "_is_gil_enabled", None)
    return None if f is None else bool(f())


def is_gil_warning_text(text):
    return bool(GIL_PATTERN.search(text or ""))


def describe(exc, root):
    """(category, type name, one-line message, project files in the traceback) of an exception."""
    type_name = type(exc).__name__
    message = first_line(str(exc))
    category = "exception"
    chain = []
    seen = exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if any(isinstance(e, Warning) and is_gil_warning_text(str(e)) for e in chain) or any(
        is_gil_warning_text(str(e)) for e in chain
    ):
        category = "gil-warning"
    elif isinstance(exc, AssertionError):
        category = "assertion"
    files = traceback_files(exc.__traceback__, root)
    return category, type_name, (type_name + ": " + message) if message else type_name, files


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def traceback_files(tb, root):
    files = []
    while tb is not None:
        relative = project_file(tb.tb_frame.f_code.co_filename, root)
        if relative and relative not in files:
            files.append(relative)
        tb = tb.tb_next
    return files


def project_file(filename, root):
    if not filename or filename.startswith("<"):
        return None
    path = os.path.abspath(filename)
    if not path.startswith(root + os.sep):
        return None
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    parts = relative.split("/")
    if any(p in ("site-packages", "dist-packages") or p.startswith(".") for p in parts[:-1]):
        return None
    return relative


def run_in_threads(call, threads, iterations):
    """Runs call(index) iterations times in each of `threads` threads started together.

    Re-raises the first exception any thread raised. A thread stuck forever is left to the
    faulthandler watchdog, which dumps every thread and ends the process.
    """
    barrier = threading.Barrier(threads)
    errors = []
    errors_lock = threading.Lock()

    def worker(index):
        try:
            barrier.wait()
            for _ in range(iterations):
                call(index)
        except threading.BrokenBarrierError:
            pass
        except BaseException as e:  # noqa: B036 - pytest's skip/fail outcomes are BaseExceptions
            with errors_lock:
                errors.append(e)
            barrier.abort()

    workers = [
        threading.Thread(target=worker, args=(i,), name="ftscout-stress-%d" % i, daemon=True)
        for i in range(threads)
    ]
    previous = sys.getswitchinterval()
    # Switch threads as often as possible: on GIL builds this is what makes races show up.
    sys.setswitchinterval(1e-6)
    try:
        for t in workers:
            t.start()
        for t in workers:
            t.join()
    finally:
        sys.setswitchinterval(previous)
    if errors:
        raise errors[0]
