"""Process-wide settings made once, before threads start."""
import locale
import os
import signal
import sys
import warnings

warnings.filterwarnings("ignore", category=ResourceWarning)
sys.setrecursionlimit(5000)


def main():
    locale.setlocale(locale.LC_ALL, "")
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    os.environ.setdefault("APP_ENV", "prod")


if __name__ == "__main__":
    os.chdir(os.path.dirname(__file__))
    main()
