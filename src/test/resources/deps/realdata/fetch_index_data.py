"""Fetch real PEP 691 project pages and PEP 658 core metadata from the user's configured index.

Usage: python fetch_index_data.py OUT_DIR PROJECTS_FILE [METADATA_PER_PROJECT]

The index is the one pip itself would use (PIP_INDEX_URL, pip config, else pip's default), so no
index location is written here. Pages land in OUT_DIR/pages/<name>.json, metadata files in
OUT_DIR/metadata/<name>/<filename>.metadata. Already fetched files are kept.
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

ACCEPT = "application/vnd.pypi.simple.v1+json"


def index_url():
    env = os.environ.get("PIP_INDEX_URL")
    if env:
        return env
    out = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        key, _, value = line.partition("=")
        if key.strip().endswith("index-url") and not key.strip().endswith("extra-index-url"):
            return value.strip().strip("'\"")
    from pip._internal.models.index import PyPI

    return PyPI.simple_url


def get(url, accept=None):
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    for attempt in range(4):
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            if e.code < 500 or attempt == 3:
                raise
        except Exception:
            if attempt == 3:
                raise


def fetch_page(base, out, name):
    path = os.path.join(out, "pages", name + ".json")
    if not os.path.exists(path):
        data = get(base.rstrip("/") + "/" + name + "/", ACCEPT)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    with open(path, "rb") as f:
        return json.load(f)


def metadata_jobs(page, name, per_project):
    from packaging.version import InvalidVersion, Version

    # Group wheels by the version field of their names first: parsing each distinct version once
    # keeps this fast on pages with thousands of files.
    by_text = {}
    for f in page["files"]:
        # Some mirrors serve PEP 658 files without announcing them, so any wheel is tried.
        if not f["filename"].endswith(".whl") or f.get("yanked"):
            continue
        parts = f["filename"].split("-")
        if len(parts) >= 5:
            by_text.setdefault(parts[1], f)
    best = {}
    for text, f in by_text.items():
        try:
            best.setdefault(Version(text), f)
        except InvalidVersion:
            continue
    versions = sorted(best, reverse=True)
    finals = [v for v in versions if not v.is_prerelease][:per_project]
    return [(name, best[v]) for v in finals]


def fetch_metadata(out, job):
    name, f = job
    d = os.path.join(out, "metadata", name)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, f["filename"] + ".metadata")
    missing = path + ".missing"
    if not os.path.exists(path) and not os.path.exists(missing):
        try:
            data = get(f["url"].split("#")[0] + ".metadata")
        except Exception:
            open(missing, "w").close()
            return
        tmp = path + ".tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)


def main():
    out, projects_file = sys.argv[1], sys.argv[2]
    per_project = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    names = [
        line.strip()
        for line in open(projects_file)
        if line.strip() and not line.startswith("#")
    ]
    base = index_url()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        pages = dict(zip(names, pool.map(lambda n: fetch_page(base, out, n), names)))
        jobs = [j for n in names for j in metadata_jobs(pages[n], n, per_project)]
        list(pool.map(lambda j: fetch_metadata(out, j), jobs))
    print(len(names), "projects,", len(jobs), "metadata files")


if __name__ == "__main__":
    main()
