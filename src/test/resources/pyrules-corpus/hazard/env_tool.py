"""Runs a compiler with a temporary environment variable."""
import os
import subprocess


def compile_file(path, optimize):
    os.environ["CFLAGS"] = "-O2" if optimize else "-O0"  # expect: FT104
    return subprocess.run(["cc", "-c", path], check=False)
