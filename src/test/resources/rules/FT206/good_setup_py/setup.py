import sysconfig

from setuptools import Extension, setup

# The HOWTO's recipe: the limited API only where the interpreter has a GIL.
limited = not sysconfig.get_config_var("Py_GIL_DISABLED")
macros = [("Py_LIMITED_API", "0x03090000")] if limited else []

setup(
    ext_modules=[
        Extension("demo._core", ["src/core.c"], define_macros=macros, py_limited_api=limited)
    ],
    options={"bdist_wheel": {"py_limited_api": "cp39"}} if limited else {},
)
