"""Runs tools with their own environment and folder."""
import os
import subprocess


def run_in(folder, extra_env):
    env = os.environ.copy()
    env.update(extra_env)
    return subprocess.run(["make"], cwd=folder, env=env, check=False)


def proxy():
    return os.environ.get("HTTPS_PROXY") or os.getenv("HTTP_PROXY")
