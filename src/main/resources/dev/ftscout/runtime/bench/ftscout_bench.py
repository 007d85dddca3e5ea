# ftscout bench harness: runs one workload in this (fresh) process and prints one JSON line.
#
# argv[1]: JSON {"workload": name | "module:function" | "path/to/script.py", "mode": "threads" |
#   "processes", "workers": N, "units": U, "size": S, "warmups": W, "values": V}
#
# The same total work (U units of size S) is split over N workers: unit i goes to worker i % N.
# One value is the wall time from releasing the workers to the last one finishing. Threads start
# together at a barrier; processes are started (fork where available) before timing and wait for
# a go signal, like a warmed-up pool. Also reported: peak RSS of every process, and GC pauses
# (gc.callbacks) during the timed values. Runs on CPython 3.9+.
import gc
import importlib
import json
import math
import os
import random
import re
import runpy
import sys
import threading
import time

PREFIX = "@ftscout-bench "


def mandelbrot(size):
    """Mandelbrot set: escape-time iterations over a size x size grid (floating point)."""
    count = 0
    for y in range(size):
        ci = -1.2 + 2.4 * y / size
        for x in range(size):
            cr = -2.0 + 2.8 * x / size
            zr = zi = 0.0
            for _ in range(50):
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                if zr * zr + zi * zi > 4.0:
                    break
            else:
                count += 1
    return count


def montecarlo(size):
    """Monte Carlo estimate of pi with a per-unit random generator."""
    rng = random.Random(size)
    inside = 0
    n = size * 400
    for _ in range(n):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


def nbody(size):
    """Five-body gravitational simulation, size * 40 time steps (floats, lists)."""
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
        [4.84, -1.16, -0.10, 0.60, 2.81, -0.02, 0.037],
        [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
        [12.89, -15.11, -0.22, 1.08, 0.86, -0.01, 0.0017],
        [15.37, -25.91, 0.17, 0.97, 0.59, -0.03, 0.002],
    ]
    dt = 0.01
    for _ in range(size * 40):
        for i in range(5):
            bi = bodies[i]
            for j in range(i + 1, 5):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                dz = bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * math.sqrt(d2))
                bi[3] -= dx * bj[6] * mag
                bi[4] -= dy * bj[6] * mag
                bi[5] -= dz * bj[6] * mag
                bj[3] += dx * bi[6] * mag
                bj[4] += dy * bi[6] * mag
                bj[5] += dz * bi[6] * mag
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
    return bodies[0][0]


def json_roundtrip(size):
    """JSON encode and decode of a nested document, size times."""
    doc = {
        "id": size,
        "name": "ftscout",
        "tags": ["a", "b", "c", "free-threading"],
        "items": [{"n": i, "x": i * 0.5, "s": str(i)} for i in range(40)],
    }
    total = 0
    for _ in range(size):
        text = json.dumps(doc)
        total += len(json.loads(text)["items"])
    return total


_WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
_PATTERN = re.compile(r"(\w+)@(\w+)\.(com|org|net)")


def regex(size):
    """Regular expressions: find e-mail-like tokens in generated text."""
    rng = random.Random(size)
    found = 0
    for _ in range(size):
        text = " ".join(
            rng.choice(_WORDS) + ("@" + rng.choice(_WORDS) + ".org" if rng.random() < 0.3 else "")
            for _ in range(60)
        )
        found += len(_PATTERN.findall(text))
    return found


class _Node(object):
    __slots__ = ("value", "next")

    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node


def alloc(size):
    """Object allocation: builds and drops linked lists of small objects and tuples."""
    total = 0
    for _ in range(size):
        head = None
        for i in range(500):
            head = _Node((i, i + 1), head)
        while head is not None:
            total += head.value[0]
            head = head.next
    return total


def dicts(size):
    """Dicts and lists: word counts, grouping, sorting."""
    rng = random.Random(size)
    result = 0
    for _ in range(size):
        counts = {}
        for _ in range(400):
            w = rng.choice(_WORDS)
            counts[w] = counts.get(w, 0) + 1
        groups = {}
        for w, n in counts.items():
            groups.setdefault(n % 3, []).append(w)
        result += len(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        result += sum(len(v) for v in groups.values())
    return result


BUILTIN = {
    # Sizes chosen so that one unit takes roughly 20-50 ms on CPython 3.11 at scale 1.
    "mandelbrot": (mandelbrot, 150),
    "montecarlo": (montecarlo, 400),
    "nbody": (nbody, 80),
    "json": (json_roundtrip, 600),
    "regex": (regex, 500),
    "alloc": (alloc, 200),
    "dicts": (dicts, 100),
}


def load(name, scale):
    """(function of one unit, description)."""
    if name in BUILTIN:
        function, size = BUILTIN[name]
        n = max(1, int(round(size * scale)))
        return (lambda: function(n)), function.__doc__.strip().splitlines()[0]
    if name.endswith(".py"):
        path = os.path.abspath(name)
        return (lambda: runpy.run_path(path, run_name="__ftscout_bench__")), "script " + name
    module, _, attr = name.partition(":")
    if not attr:
        raise SystemExit("unknown workload %r: not built in, not module:function, not a .py" % name)
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    function = getattr(importlib.import_module(module), attr)
    doc = (function.__doc__ or "").strip().splitlines()
    return function, doc[0] if doc else "user workload " + name


def peak_rss_kb():
    # VmHWM is this address space's own high-water mark. ru_maxrss is not: on Linux it survives
    # execve, so a process started by a large parent (a JVM spawning us) reports the parent's.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:
        return 0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


class GcWatch(object):
    def __init__(self):
        self.pauses = []
        self.started = None
        self.on = False

    def __call__(self, phase, info):
        if not self.on:
            return
        if phase == "start":
            self.started = time.perf_counter()
        elif phase == "stop" and self.started is not None:
            self.pauses.append((time.perf_counter() - self.started) * 1000.0)
            self.started = None


def run_threads(unit, workers, units):
    barrier = threading.Barrier(workers + 1)
    errors = []

    def work(index):
        barrier.wait()
        try:
            for _ in range(index, units, workers):
                unit()
        except BaseException as e:  # noqa: B036 - reported to the caller
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    barrier.wait()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    if errors:
        raise errors[0]
    return seconds


class ProcessPool(object):
    """N started processes that run their share of units on each go and report back."""

    def __init__(self, config, workers, units):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pipes = []
        self.processes = []
        for index in range(workers):
            parent, child = self.context.Pipe()
            p = self.context.Process(target=_child, args=(config, index, workers, units, child))
            p.start()
            child.close()
            self.pipes.append(parent)
            self.processes.append(p)
        for pipe in self.pipes:
            pipe.recv()

    def run_once(self):
        started = time.perf_counter()
        for pipe in self.pipes:
            pipe.send("go")
        for pipe in self.pipes:
            reply = pipe.recv()
            if reply != "done":
                raise RuntimeError("worker failed: %s" % reply)
        return time.perf_counter() - started

    def close(self):
        rss = 0
        for pipe in self.pipes:
            pipe.send("stop")
            rss += int(pipe.recv())
        for p in self.processes:
            p.join()
        return rss


def _child(config, index, workers, units, pipe):
    unit, _ = load(config["workload"], config.get("scale", 1.0))
    pipe.send("ready")
    while True:
        message = pipe.recv()
        if message == "stop":
            pipe.send(str(peak_rss_kb()))
            return
        try:
            for _ in range(index, units, workers):
                unit()
            pipe.send("done")
        except BaseException as e:  # noqa: B036 - reported to the parent
            pipe.send("%s: %s" % (type(e).__name__, e))


def main():
    config = json.loads(sys.argv[1])
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    unit, description = load(config["workload"], config.get("scale", 1.0))
    workers = int(config["workers"])
    units = int(config["units"])
    mode = config["mode"]
    watch = GcWatch()
    gc_supported = hasattr(gc, "callbacks")
    if gc_supported:
        gc.callbacks.append(watch)
    pool = ProcessPool(config, workers, units) if mode == "processes" else None
    values = []
    for i in range(int(config["warmups"]) + int(config["values"])):
        timed = i >= int(config["warmups"])
        watch.on = timed
        seconds = pool.run_once() if pool is not None else run_threads(unit, workers, units)
        watch.on = False
        if timed:
            values.append(seconds)
    rss = peak_rss_kb()
    if pool is not None:
        rss += pool.close()
    channel.write(
        PREFIX
        + json.dumps(
            {
                "description": description,
                "values": values,
                "peak_rss_kb": rss,
                "gc_pauses_ms": watch.pauses if gc_supported and mode == "threads" else None,
                "free_threaded": bool(__import__("sysconfig").get_config_var("Py_GIL_DISABLED")),
            }
        )
        + "\n"
    )
    channel.flush()


if __name__ == "__main__":
    main()
