"""Download one release's sdist from the user's configured index, without building anything.

Usage: python download_sdist.py OUT_DIR NAME VERSION

pip download would prepare the sdist's metadata, which runs its build backend; this script only
reads the PEP 691 page and fetches the archive.
"""
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from fetch_index_data import ACCEPT, get, index_url  # noqa: E402


def main():
    out, name, version = sys.argv[1:4]
    page = json.loads(get(index_url().rstrip("/") + "/" + name + "/", ACCEPT))
    for f in page["files"]:
        fn = f["filename"]
        if fn.lower().startswith(name.lower() + "-" + version) and fn.endswith((".tar.gz", ".zip")):
            os.makedirs(out, exist_ok=True)
            data = get(f["url"])
            tmp = os.path.join(out, fn + ".tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, os.path.join(out, fn))
            print(fn)
            return
    sys.exit("no sdist for %s %s" % (name, version))


if __name__ == "__main__":
    main()
