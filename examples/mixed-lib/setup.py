from setuptools import Extension, setup

setup(ext_modules=[Extension("tally._speed", ["src/tally/_speed.c"])])
