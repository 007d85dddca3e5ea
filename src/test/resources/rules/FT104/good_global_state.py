"""Values passed explicitly; process-wide changes only at start-up."""
import decimal
import locale
import os
import subprocess
import sys
import warnings

os.environ.setdefault("APP_MODE", "prod")
warnings.simplefilter("default")


def run_tool(path):
    env = dict(os.environ, TOOL_HOME=path)
    return subprocess.run(["tool"], env=env, cwd=path, check=False)


def home():
    return os.environ.get("HOME", "")


def money(x):
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        return decimal.Decimal(x) / 3


def current_locale():
    return locale.setlocale(locale.LC_ALL)


def log(msg):
    print(msg, file=sys.stderr)


def main():
    os.chdir("/")
    sys.setrecursionlimit(5000)


if __name__ == "__main__":
    os.environ["DEBUG"] = "1"
    main()
