"""Answers standards questions with the reference implementation (packaging), for differential
tests. Reads one JSON request on stdin, writes one JSON answer on stdout."""
import json
import sys

import packaging
from packaging import _manylinux, _musllinux, tags
from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import InvalidVersion, Version


def version_info(text):
    try:
        v = Version(text)
    except InvalidVersion:
        return None
    return {"norm": str(v), "pre": v.is_prerelease, "post": v.is_postrelease, "dev": v.is_devrelease}


def sort_valid(texts):
    valid = []
    for t in texts:
        try:
            valid.append((Version(t), t))
        except InvalidVersion:
            pass
    return [t for _, t in sorted(valid, key=lambda p: p[0])]


def specifier_case(case):
    try:
        s = SpecifierSet(case["spec"])
    except InvalidSpecifier:
        return {"valid": False}
    vs = case["versions"]
    return {
        "valid": True,
        "contains": [s.contains(v) for v in vs],
        "containsPre": [s.contains(v, prereleases=True) for v in vs],
        "containsFinal": [s.contains(v, prereleases=False) for v in vs],
        "filter": list(s.filter(vs)),
    }


def requirement_case(case, envs):
    try:
        r = Requirement(case["text"])
    except InvalidRequirement:
        return {"valid": False}
    out = {
        "valid": True,
        "name": r.name,
        "extras": sorted(r.extras),
        "url": r.url or "",
        "contains": [r.specifier.contains(v) for v in case["versions"]],
        "marker": [],
    }
    for env in envs:
        for extra in [""] + case["extras"]:
            if r.marker is None:
                out["marker"].append(True)
                continue
            try:
                out["marker"].append(r.marker.evaluate(dict(env, extra=extra)))
            except Exception as e:
                out["marker"].append("error")
    return out


def wheel_case(name):
    try:
        n, v, build, t = parse_wheel_filename(name)
    except InvalidWheelFilename:
        return {"valid": False}
    return {
        "valid": True,
        "name": n,
        "version": str(v),
        "build": list(build) if build else [],
        "tags": sorted(str(x) for x in t),
    }


def platforms(plat):
    if plat.startswith("manylinux_"):
        _, major, minor, arch = plat.split("_", 3)
        _manylinux._get_glibc_version = lambda: (int(major), int(minor))
        _manylinux._have_compatible_abi = lambda executable, archs: True
        _manylinux._get_manylinux_module = lambda: None
        return ["linux_" + arch] + list(_manylinux.platform_tags([arch]))
    if plat.startswith("musllinux_"):
        _, major, minor, arch = plat.split("_", 3)
        _musllinux._get_musl_version = lambda exe: _musllinux._MuslVersion(int(major), int(minor))
        return ["linux_" + arch] + list(_musllinux.platform_tags([arch]))
    if plat.startswith("macosx_"):
        _, major, minor, arch = plat.split("_", 3)
        return list(tags.mac_platforms((int(major), int(minor)), arch))
    return [plat]


def target_case(target):
    py = target["python"]
    threaded = py.endswith("t")
    major, minor = (int(x) for x in py.rstrip("t").split("."))
    abi = "cp%d%d%s" % (major, minor, "t" if threaded else "")
    plats = platforms(target["platform"])
    result = list(tags.cpython_tags((major, minor), abis=[abi], platforms=plats))
    result += list(tags.compatible_tags((major, minor), "cp%d%d" % (major, minor), plats))
    return [str(t) for t in result]


def main():
    req = json.load(sys.stdin)
    answer = {"packaging": packaging.__version__}
    if "versions" in req:
        answer["versions"] = [version_info(v) for v in req["versions"]]
        answer["sorted"] = sort_valid(req["versions"])
    if "specifiers" in req:
        answer["specifiers"] = [specifier_case(c) for c in req["specifiers"]]
    if "requirements" in req:
        envs = req["environments"]
        answer["requirements"] = [requirement_case(c, envs) for c in req["requirements"]]
    if "wheels" in req:
        answer["wheels"] = [wheel_case(w) for w in req["wheels"]]
    if "urljoin" in req:
        from urllib.parse import urljoin

        base = req["urljoin"]["base"]
        answer["urljoin"] = [urljoin(base, ref) for ref in req["urljoin"]["refs"]]
    if "targets" in req:
        answer["targets"] = [target_case(t) for t in req["targets"]]
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
