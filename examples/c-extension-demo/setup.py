from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    packages=["textstats"],
    package_dir={"": "src"},
    ext_modules=[
        Extension("textstats._counter", ["src/textstats/_counter.c"]),
        Extension("textstats._counter_fixed", ["src/textstats/_counter_fixed.c"]),
        *cythonize([Extension("textstats._tokens", ["src/textstats/_tokens.pyx"])]),
    ],
)
