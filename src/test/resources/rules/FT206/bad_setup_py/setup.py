from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "demo._core",
            ["src/core.c"],
            define_macros=[("Py_LIMITED_API", "0x03090000")],  # expect: FT206
            py_limited_api=True,  # expect: FT206
        )
    ],
    options={"bdist_wheel": {"py_limited_api": "cp39"}},  # expect: FT206
)
