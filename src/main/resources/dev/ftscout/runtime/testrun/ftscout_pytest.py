# ftscout's pytest plugin (loaded with -p ftscout_pytest or PYTEST_PLUGINS by `ftscout test`).
# Records each test's outcome and details as events, dumps threads on hangs and crashes, and under
# thread stress runs every test function concurrently in several threads. Markers it respects:
#   pytest-run-parallel's thread_unsafe / thread_unsafe(reason=...) and parallel_threads(n),
#   iterations(n); our own ftscout_thread_unsafe(reason=...) and ftscout_per_thread(*fixtures).
# skip and xfail are pytest's own and keep working.
import functools
import inspect
import os

import pytest

import ftscout_testkit as kit

_SETTINGS = kit.Settings()
_EVENTS = kit.Events(_SETTINGS.events)
_WATCHDOG = kit.Watchdog(_SETTINGS)
_CURRENT = {"id": ""}


def _register(config, line):
    # Registering a marker pytest-run-parallel already registered is harmless.
    config.addinivalue_line("markers", line)


def pytest_configure(config):
    _register(config, "thread_unsafe: run this test in one thread under ftscout's thread stress")
    _register(config, "parallel_threads(n): run this test in n threads under thread stress")
    _register(config, "iterations(n): run this test n times in each thread under thread stress")
    _register(config, "ftscout_thread_unsafe: ftscout runs this test in one thread under stress")
    _register(config, "ftscout_per_thread(*fixtures): evaluate these fixtures once per thread")


def pytest_sessionstart(session):
    _WATCHDOG.start_session()
    _EVENTS.emit(e="session", runner="pytest", gil=kit.gil_enabled(), threads=_SETTINGS.threads)


def pytest_collection_modifyitems(session, config, items):
    if _SETTINGS.deselect:
        kept = [i for i in items if i.nodeid not in _SETTINGS.deselect]
        dropped = [i for i in items if i.nodeid in _SETTINGS.deselect]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = kept
    for item in items:
        _EVENTS.emit(e="collected", id=item.nodeid, junit=_junit_key(item.nodeid))
        if _SETTINGS.threads > 1:
            _prepare_stress(item)


def _junit_key(nodeid):
    try:
        from _pytest.junitxml import mangle_test_address

        names = mangle_test_address(nodeid)
    except Exception:
        parts = nodeid.split("::")
        parts[0] = parts[0].replace("/", ".")
        if parts[0].endswith(".py"):
            parts[0] = parts[0][:-3]
        names = parts
    return [".".join(names[:-1]), names[-1]]


def _marker_threads(item):
    marker = item.get_closest_marker("parallel_threads")
    if marker is None or not marker.args:
        return None
    value = marker.args[0]
    if value == "auto":
        return os.cpu_count() or 1
    return int(value)


def _single_reason(item):
    for name in ("ftscout_thread_unsafe", "thread_unsafe"):
        marker = item.get_closest_marker(name)
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            return "marked %s%s" % (name, " (%s)" % reason if reason else "")
    threads = _marker_threads(item)
    if threads is not None and threads <= 1:
        return "marked parallel_threads(%d)" % threads
    if not isinstance(item, pytest.Function) or not hasattr(item, "_fixtureinfo"):
        return "not a plain test function (%s)" % type(item).__name__
    if type(item).__name__ == "TestCaseFunction":
        return "unittest.TestCase method run by pytest"
    per_thread = _per_thread_names(item)
    for fixture in kit.THREAD_UNSAFE_FIXTURES:
        if fixture in item.fixturenames and fixture not in per_thread:
            return "uses fixture %s, which is not thread-safe" % fixture
    function = getattr(item, "function", None)
    if getattr(function, "__thread_safe__", True) is False:
        return "function sets __thread_safe__ = False"
    return None


def _per_thread_names(item):
    names = list(_SETTINGS.per_thread)
    marker = item.get_closest_marker("ftscout_per_thread")
    if marker is not None:
        names.extend(marker.args)
    return [n for n in names if n in getattr(item, "fixturenames", ())]


def _prepare_stress(item):
    reason = _single_reason(item)
    if reason is not None:
        _EVENTS.emit(e="single", id=item.nodeid, reason=reason)
        return
    threads = _marker_threads(item) or _SETTINGS.threads
    marker = item.get_closest_marker("iterations")
    iterations = int(marker.args[0]) if marker is not None and marker.args else _SETTINGS.iterations
    per_thread = _per_thread_names(item)
    original = item.obj

    @functools.wraps(original)
    def stressed(*args, **kwargs):
        def one(index, values):
            call_kwargs = dict(kwargs)
            call_kwargs.update(values)
            original(*args, **call_kwargs)

        fresh = [None] * threads

        def call(index):
            if fresh[index] is None:
                fresh[index] = _fresh_fixtures(item, per_thread, kwargs)
            one(index, fresh[index][0])

        try:
            kit.run_in_threads(call, threads, iterations)
        finally:
            for entry in fresh:
                if entry is not None:
                    for finalize in entry[1]:
                        finalize()

    item.obj = stressed
    _EVENTS.emit(e="stress", id=item.nodeid, threads=threads, iterations=iterations,
                 per_thread=per_thread)


def _fresh_fixtures(item, names, kwargs):
    """A new value of each named function-scoped fixture, for one thread, and its finalizers."""
    values = {}
    finalizers = []
    for name in names:
        definitions = item._fixtureinfo.name2fixturedefs.get(name)
        if not definitions:
            continue
        definition = definitions[-1]
        function = definition.func
        arguments = {}
        for argname in definition.argnames:
            if argname == "request":
                arguments[argname] = item._request
            elif argname in values:
                arguments[argname] = values[argname]
            elif argname in kwargs:
                arguments[argname] = kwargs[argname]
            else:
                arguments[argname] = item._request.getfixturevalue(argname)
        result = function(**arguments)
        if inspect.isgenerator(result):
            generator = result
            values[name] = next(generator)

            def finalize(g=generator):
                try:
                    next(g)
                except StopIteration:
                    pass

            finalizers.append(finalize)
        else:
            values[name] = result
    return values, finalizers


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _CURRENT["id"] = item.nodeid
    before = kit.gil_enabled()
    file, line = _location(item)
    _EVENTS.emit(e="begin", id=item.nodeid, file=file, line=line)
    _WATCHDOG.arm(item.nodeid)
    try:
        yield
    finally:
        _WATCHDOG.disarm()
        after = kit.gil_enabled()
        if before is False and after is True:
            _EVENTS.emit(e="gil", id=item.nodeid, warning="sys._is_gil_enabled() turned True")
        _EVENTS.emit(e="end", id=item.nodeid)
        _CURRENT["id"] = ""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    file, line = _location(item)
    if call.excinfo is not None and report.failed:
        category, type_name, message, files = kit.describe(call.excinfo.value, _SETTINGS.root)
        if file and file not in files:
            files.insert(0, file)
        elif file:
            files.remove(file)
            files.insert(0, file)
        _EVENTS.emit(
            e="result",
            id=item.nodeid,
            when=call.when,
            outcome="failed" if call.when == "call" else "error",
            category=category,
            type=type_name,
            message=message,
            files=files,
            line=line,
        )
    elif call.when == "call" or report.skipped:
        _EVENTS.emit(
            e="result",
            id=item.nodeid,
            when=call.when,
            outcome="skipped" if report.skipped else "passed",
            files=[file] if file else [],
            line=line,
        )


def _location(item):
    path, lineno, _ = item.location
    file = kit.project_file(os.path.join(str(item.config.rootpath), path), _SETTINGS.root)
    return file or "", (lineno + 1) if lineno is not None else 0


def pytest_warning_recorded(warning_message, when, nodeid, location):
    if kit.is_gil_warning_text(str(warning_message.message)):
        _EVENTS.emit(e="gil", id=nodeid or _CURRENT["id"], when=when, warning=str(warning_message.message))
