# Lists the importable top-level modules and extension modules of an environment, each with the
# distribution that installed it (dist-info RECORD, top_level.txt, packages_distributions()).
# argv[1:]: site folders to list; none means this interpreter's own site-packages.
# Prints one JSON document on stdout. Runs on CPython 3.9+.
import csv
import importlib.machinery
import json
import os
import site
import sys

SUFFIXES = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)


def ext_stem(name):
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def module_of(parts):
    """(top-level name, dotted extension name or None) for a RECORD path split into parts."""
    if not parts or parts[0] in ("..", "__pycache__") or parts[0].endswith(
        (".dist-info", ".egg-info", ".data")
    ):
        return None, None
    leaf = parts[-1]
    stem = ext_stem(leaf)
    if len(parts) == 1:
        if stem is not None and stem.isidentifier():
            return stem, stem
        if leaf.endswith(".py") and leaf[:-3].isidentifier():
            return leaf[:-3], None
        return None, None
    top = parts[0]
    if not top.isidentifier():
        return None, None
    if stem is not None and all(p.isidentifier() for p in parts[:-1]) and stem.isidentifier():
        return top, ".".join(list(parts[:-1]) + [stem])
    return top, None


def main():
    given = [os.path.abspath(p) for p in sys.argv[1:]]
    roots = given or [p for p in site.getsitepackages() if os.path.isdir(p)]
    from importlib import metadata

    tops = {}
    extensions = {}

    def claim(top, dist):
        owners = tops.setdefault(top, [])
        if dist is not None and dist not in owners:
            owners.append(dist)

    seen = set()
    for dist in metadata.distributions(path=roots):
        name = dist.metadata["Name"]
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        owner = {"name": name, "version": dist.version, "metadata": metadata_file(dist)}
        for parts in record_parts(dist):
            top, ext = module_of(parts)
            if top is not None:
                claim(top, owner)
            if ext is not None:
                extensions.setdefault(ext, owner)
        for line in (dist.read_text("top_level.txt") or "").splitlines():
            line = line.strip().replace("/", ".").split(".")[0]
            if line.isidentifier() and exists(roots, line):
                claim(line, owner)
    # Modules nobody's RECORD claims (copied in by hand, or installed without a RECORD).
    for root in roots:
        for entry in sorted(os.listdir(root)):
            full = os.path.join(root, entry)
            top, ext = None, None
            if os.path.isdir(full) and entry.isidentifier() and entry != "__pycache__":
                top = entry
            elif os.path.isfile(full):
                top, ext = module_of([entry])
            if top is not None and top not in tops:
                tops[top] = []
            if ext is not None and ext not in extensions:
                extensions[ext] = None
    mapping = {}
    # packages_distributions() reads every distribution's files again: only when RECORD left a
    # module without owner.
    if hasattr(metadata, "packages_distributions") and not all(tops.values()):
        try:
            mapping = metadata.packages_distributions()
        except Exception:
            mapping = {}
    modules = []
    for top in sorted(tops):
        owners = tops[top]
        if not owners:
            for dist_name in mapping.get(top, []):
                try:
                    owners.append({"name": dist_name, "version": metadata.version(dist_name)})
                except Exception:
                    pass
        modules.append({"name": top, "distributions": owners})
    print(
        json.dumps(
            {
                "roots": roots,
                "modules": modules,
                "extensions": [
                    {"name": n, "distribution": extensions[n]} for n in sorted(extensions)
                ],
            }
        )
    )


def record_parts(dist):
    """The path parts of every file a distribution installed.

    RECORD read as text (its first CSV column): several times faster than Distribution.files, which
    builds a PackagePath object per file; distributions without a RECORD fall back to it.
    """
    text = dist.read_text("RECORD")
    if text is None:
        return [path.parts for path in dist.files or []]
    parts = []
    for row in csv.reader(text.splitlines()):
        if row and row[0]:
            parts.append(tuple(p for p in row[0].replace("\\", "/").split("/") if p))
    return parts


def metadata_file(dist):
    # PathDistribution keeps its dist-info folder in _path (3.8+); other finders may not have one.
    folder = getattr(dist, "_path", None)
    if folder is None:
        return ""
    return os.path.join(str(folder), "METADATA")


def exists(roots, name):
    for root in roots:
        base = os.path.join(root, name)
        if os.path.isdir(base) or os.path.isfile(base + ".py"):
            return True
        for suffix in SUFFIXES:
            if os.path.isfile(base + suffix):
                return True
    return False


main()
