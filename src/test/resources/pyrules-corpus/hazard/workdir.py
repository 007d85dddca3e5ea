"""Builds a project in its own folder."""
import os
import subprocess


def build(project_dir):
    previous = os.getcwd()
    os.chdir(project_dir)  # expect: FT104
    try:
        return subprocess.run(["make"], check=False)
    finally:
        os.chdir(previous)  # expect: FT104
