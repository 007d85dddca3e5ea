# Describes the interpreter that runs it, as one JSON line on stdout.
# Kept valid for Python 2.7 and 3.x so that doctor can say "too old" instead of failing.
import json
import platform
import sys

try:
    import sysconfig

    def config_var(name):
        return sysconfig.get_config_var(name)
except ImportError:

    def config_var(name):
        return None

is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
ext_suffix = config_var("EXT_SUFFIX") or ""
if not ext_suffix:
    try:
        import importlib.machinery

        ext_suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    except Exception:
        ext_suffix = ""
try:
    import importlib.util

    pip = importlib.util.find_spec("pip") is not None
except Exception:
    try:
        import imp

        imp.find_module("pip")
        pip = True
    except Exception:
        pip = False
impl = getattr(sys, "implementation", None)
print(
    json.dumps(
        {
            "version": platform.python_version(),
            "major": sys.version_info[0],
            "minor": sys.version_info[1],
            "implementation": impl.name if impl is not None else platform.python_implementation().lower(),
            "executable": sys.executable,
            "prefix": sys.prefix,
            "base_prefix": getattr(sys, "base_prefix", sys.prefix),
            "py_gil_disabled": config_var("Py_GIL_DISABLED"),
            "gil_enabled": None if is_gil_enabled is None else bool(is_gil_enabled()),
            "abiflags": getattr(sys, "abiflags", ""),
            "ext_suffix": ext_suffix,
            "pip": pip,
            "platform": sys.platform,
        }
    )
)
