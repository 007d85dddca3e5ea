"""ftscout TEST DOUBLE of a free-threaded CPython build -- not a free-threaded interpreter.

A real (GIL) CPython started through the wrapper that FreeThreadedTestDouble.java writes loads this
module at start-up. When FT_DOUBLE=1 it reproduces the documented *observable* behaviour of a
free-threaded build, so that ftscout's doctor and probe can be tested end to end on machines that
have no free-threaded interpreter:

* sysconfig.get_config_var("Py_GIL_DISABLED") == 1, sys.abiflags == "t", EXT_SUFFIX with "t";
* sys._is_gil_enabled() is False at start (True with PYTHON_GIL=1, always False with PYTHON_GIL=0);
* loading an extension module that has not declared GIL-free support turns it True for good and
  emits, once per interpreter, the RuntimeWarning CPython emits (text, category, and the
  "<frozen importlib._bootstrap>" location: line 488 on 3.13, 491 on 3.14);
* with -v (and the GIL setting left at its default) every such module also writes
  "# loading module '<name>', which requires the GIL" to sys.stderr, as Python/import.c does.

"Declared" is decided the way CPython decides it: the module's PyModuleDef carries the slot
{Py_mod_gil, Py_MOD_GIL_NOT_USED} (read with ctypes; the slot exists in headers from 3.13 on).
Single-phase modules never declare it. The standard library's lib-dynload modules count as declared,
as they are in real free-threaded builds. FT_DOUBLE_DECLARED (comma-separated module names) marks
more modules as declared, for base interpreters older than 3.13. FT_DOUBLE_VERBOSE_LINES=0 models
an interpreter that does not write the -v line.
"""

import os
import sys

MESSAGE = (
    "The global interpreter lock (GIL) has been enabled to load module '%s', which has not "
    "declared that it can run safely without the GIL. To override this behavior and keep the GIL "
    "disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0."
)
PY_MOD_GIL = 4
PY_MOD_GIL_NOT_USED = 1


class _State(object):
    def __init__(self):
        forced = os.environ.get("FT_DOUBLE_PYTHON_GIL")
        self.forced = forced if forced in ("0", "1") else None
        self.enabled = self.forced == "1"
        self.lineno = int(os.environ.get("FT_DOUBLE_LINENO", "488"))
        self.verbose_lines = os.environ.get("FT_DOUBLE_VERBOSE_LINES", "1") != "0"
        self.declared = set(
            n for n in os.environ.get("FT_DOUBLE_DECLARED", "").split(",") if n
        )


def _module_def_slots(module):
    """The (slot, value) pairs of the module's PyModuleDef, or [] for single-phase modules."""
    import ctypes

    class Slot(ctypes.Structure):
        _fields_ = [("slot", ctypes.c_int), ("value", ctypes.c_void_p)]

    class ModuleDef(ctypes.Structure):
        # PyModuleDef_Base (PyObject_HEAD of a GIL build, m_init, m_index, m_copy), then PyModuleDef.
        _fields_ = [
            ("ob_refcnt", ctypes.c_ssize_t),
            ("ob_type", ctypes.c_void_p),
            ("m_init", ctypes.c_void_p),
            ("m_index", ctypes.c_ssize_t),
            ("m_copy", ctypes.c_void_p),
            ("m_name", ctypes.c_char_p),
            ("m_doc", ctypes.c_char_p),
            ("m_size", ctypes.c_ssize_t),
            ("m_methods", ctypes.c_void_p),
            ("m_slots", ctypes.POINTER(Slot)),
        ]

    get_def = ctypes.pythonapi.PyModule_GetDef
    get_def.restype = ctypes.c_void_p
    get_def.argtypes = [ctypes.py_object]
    address = get_def(module)
    if not address:
        return []
    slots = ModuleDef.from_address(address).m_slots
    found = []
    if slots:
        i = 0
        while slots[i].slot != 0:
            found.append((slots[i].slot, slots[i].value))
            i += 1
    return found


def _declares_gil_free(module, name, path):
    if name in _STATE.declared:
        return True
    if path and "lib-dynload" in path.replace("\\", "/").split("/"):
        return True
    if not isinstance(module, type(sys)):
        return False
    if sys.version_info < (3, 13):
        return False
    return (PY_MOD_GIL, PY_MOD_GIL_NOT_USED) in _module_def_slots(module)


def _check_gil(module, name, path):
    if _declares_gil_free(module, name, path):
        return
    if _STATE.forced is not None:
        # PYTHON_GIL=1: already on for good; PYTHON_GIL=0: stays off. Neither warns nor writes.
        return
    if not _STATE.enabled:
        _STATE.enabled = True
        import warnings

        bootstrap = sys.modules["_frozen_importlib"]
        registry = bootstrap.__dict__.setdefault("__warningregistry__", {})
        warnings.warn_explicit(
            MESSAGE % name,
            RuntimeWarning,
            "<frozen importlib._bootstrap>",
            _STATE.lineno,
            module="importlib._bootstrap",
            registry=registry,
        )
    if sys.flags.verbose and _STATE.verbose_lines:
        sys.stderr.write("# loading module '%s', which requires the GIL\n" % name)


def _install():
    import sysconfig
    from importlib.machinery import ExtensionFileLoader

    config = sysconfig.get_config_vars()
    config["Py_GIL_DISABLED"] = 1
    abi = "%d%dt" % sys.version_info[:2]
    suffix = config.get("EXT_SUFFIX") or ""
    config["EXT_SUFFIX"] = suffix.replace("-%d%d-" % sys.version_info[:2], "-%s-" % abi)
    config["ABIFLAGS"] = "t"
    sys.abiflags = "t"
    sys._is_gil_enabled = lambda: _STATE.enabled

    original_create = ExtensionFileLoader.create_module

    def create_module(self, spec):
        module = original_create(self, spec)
        _check_gil(module, spec.name, getattr(self, "path", ""))
        return module

    ExtensionFileLoader.create_module = create_module


_STATE = _State()
if os.environ.get("FT_DOUBLE") == "1":
    _install()
