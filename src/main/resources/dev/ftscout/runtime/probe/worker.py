# ftscout probe worker: imports the modules named on the command line, one after another, and
# reports each import on a private channel (the original stdout; fd 1 is pointed at stderr so that
# nothing an imported module prints can corrupt it).
#
# argv[1]: JSON config {"mode": "ft"|"gil", "exit_after_culprit": bool, "sites": [folders]}
# argv[2:]: module names
#
# In "ft" mode it records, per import, whether sys._is_gil_enabled() flipped, the GIL
# RuntimeWarning (under our own warning filters, whatever the user's), and CPython's -v line
# "# loading module '<name>', which requires the GIL" (written for every GIL-using extension, so one
# process names every culprit). If the GIL flips and no -v line names a module, the -v lines are
# not available here: the worker stops after that culprit and says so, and the caller starts a
# fresh worker for the rest (and every later culprit), so k culprits cost at most k+1 processes.
import faulthandler
import importlib
import json
import os
import re
import sys
import time
import warnings

PREFIX = "@ftscout "
GIL_MESSAGE = r"The global interpreter lock \(GIL\) has been enabled to load module "
VERBOSE_LINE = re.compile(r"^# loading module '([^']+)', which requires the GIL$")


class StderrFilter(object):
    """sys.stderr replacement: keeps -v 'requires the GIL' lines, drops other -v chatter."""

    def __init__(self, real):
        self.real = real
        self.pending = ""
        self.gil_lines = []

    def write(self, text):
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            if VERBOSE_LINE.match(line):
                self.gil_lines.append(line)
            elif line.startswith("import ") or line.startswith("# "):
                continue
            else:
                self.real.write(line + "\n")
        return len(text)

    def flush(self):
        self.real.flush()

    def __getattr__(self, name):
        return getattr(self.real, name)


def gil_state():
    f = getattr(sys, "_is_gil_enabled", None)
    return None if f is None else bool(f())


def main():
    config = json.loads(sys.argv[1])
    modules = sys.argv[2:]
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    def emit(event):
        channel.write(PREFIX + json.dumps(event) + "\n")
        channel.flush()

    # The script's folder is not part of the environment being probed.
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]
    if config["sites"]:
        import site

        for folder in config["sites"]:
            site.addsitedir(folder)
        # The probed environment comes before the interpreter's own site-packages.
        for folder in reversed(config["sites"]):
            if folder in sys.path:
                sys.path.remove(folder)
            sys.path.insert(0, folder)
    faulthandler.enable(file=sys.__stderr__)
    ft = config["mode"] == "ft"
    stderr = StderrFilter(sys.stderr)
    sys.stderr = stderr

    gil_warnings = []
    original_show = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, RuntimeWarning) and re.match(GIL_MESSAGE, str(message)):
            gil_warnings.append(
                "%s:%s: %s: %s" % (filename, lineno, category.__name__, message)
            )
            return
        original_show(message, category, filename, lineno, file, line)

    def own_filter():
        original_filterwarnings("always", message=GIL_MESSAGE, category=RuntimeWarning)

    # Our filter goes first and stays first: neither the user's configuration (PYTHONWARNINGS,
    # -W, sitecustomize) nor filters added by imported modules can hide the GIL warning.
    original_filterwarnings = warnings.filterwarnings
    original_simplefilter = warnings.simplefilter

    def filterwarnings(*args, **kwargs):
        original_filterwarnings(*args, **kwargs)
        own_filter()

    def simplefilter(*args, **kwargs):
        original_simplefilter(*args, **kwargs)
        own_filter()

    warnings.resetwarnings()
    own_filter()
    warnings.showwarning = show
    warnings.filterwarnings = filterwarnings
    warnings.simplefilter = simplefilter

    emit(
        {
            "event": "ready",
            "pid": os.getpid(),
            "gil": gil_state(),
            "verbose": sys.flags.verbose,
            "stray_gil_lines": stderr.gil_lines[:],
        }
    )
    del stderr.gil_lines[:]
    for name in modules:
        emit({"event": "begin", "module": name})
        already = name in sys.modules
        before = gil_state()
        first_warning = len(gil_warnings)
        del stderr.gil_lines[:]
        started = time.perf_counter()
        error = None
        try:
            importlib.import_module(name)
        except BaseException as e:  # noqa: B036 - SystemExit and friends are import outcomes too
            error = "%s: %s" % (type(e).__name__, e)
        seconds = time.perf_counter() - started
        stderr.write("")
        after = gil_state()
        lines = stderr.gil_lines[:]
        found = gil_warnings[first_warning:]
        flipped = bool(ft and before is False and after is True)
        emit(
            {
                "event": "end",
                "module": name,
                "ok": error is None,
                "error": error,
                "already_loaded": already,
                "seconds": seconds,
                "gil_before": before,
                "gil_after": after,
                "warnings": found,
                "verbose_lines": lines,
            }
        )
        if ft and flipped and not lines:
            emit({"event": "exit", "reason": "no-verbose-lines"})
            break
        if ft and config["exit_after_culprit"] and (flipped or lines or found):
            emit({"event": "exit", "reason": "culprit"})
            break
    else:
        emit({"event": "done"})
    channel.flush()
    os._exit(0)


main()
