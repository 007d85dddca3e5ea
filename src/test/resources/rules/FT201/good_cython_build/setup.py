from Cython.Build import cythonize
from setuptools import Extension, setup

# The directive set for the whole build, not in the .pyx header.
setup(
    ext_modules=cythonize(
        [Extension("pkg._fast", ["pkg/_fast.pyx"])],
        compiler_directives={"language_level": 3, "freethreading_compatible": True},
    )
)
