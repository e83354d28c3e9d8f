#!/usr/bin/env python3
"""Names that two files of one unity batch both keep to themselves (docs/decisions/017-ci-time.md).

A unity build #includes several source files into one translation unit, so what each file keeps to
itself (its anonymous namespace, `static` functions and variables) meets the other files' own. The same
name twice with the same signature does not compile; with different signatures it compiles as an
overload set and a call may silently take the other file's function. This lists every such name, per
batch, from universal-ctags' view of the sources. A `using namespace` at namespace level (but for the
standard literal namespaces) reaches every file after it in its batch: it is listed too. The script exits
1 if there is either.

  scripts/unity-clashes.py BUILD_DIR
"""
import collections
import json
import pathlib
import re
import subprocess
import sys

INCLUDE = re.compile(r'^#include "(.+)"$', re.MULTILINE)
ANON = re.compile(r"(::)?__anon[0-9a-f]+")
USING_NAMESPACE = re.compile(r"^using namespace (?!std::(?:\w+_)?literals\b)[\w:]+;", re.MULTILINE)  # unindented: namespace level
GTEST_MACROS = {"TEST", "TEST_F", "TEST_P", "TYPED_TEST", "INSTANTIATE_TEST_SUITE_P"}  # ctags reads them as functions


def file_local_names(path):
    """(scope, name) of every namespace-level name the file keeps to itself."""
    out = subprocess.run(
        ["ctags-universal", "--output-format=json", "--fields=+ZKF", "--extras=+F", "--c++-kinds=+p-l", "-f", "-", path],
        check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        tag = json.loads(line)
        # A namespace-level const or constexpr variable is the file's own too (internal linkage).
        own = tag.get("file") or "__anon" in tag.get("scope", "") or tag["kind"] == "variable"
        if tag.get("_type") != "tag" or not own or tag["kind"] == "namespace":
            continue
        if tag["name"].startswith("__anon") or tag["name"] in GTEST_MACROS or tag.get("scopeKind", "namespace") != "namespace":
            continue  # lambdas, and members of a file's own classes
        names.add((ANON.sub("", tag.get("scope", "")), tag["name"]))
    return names


def main(build_dir):
    clashes = 0
    # The batches the build uses now (a reconfigured build leaves its earlier batches behind).
    ninja = (pathlib.Path(build_dir) / "build.ninja").read_text()
    for batch in sorted(pathlib.Path(build_dir).glob("**/Unity/unity_*.cxx")):
        if str(batch.resolve()) not in ninja:
            continue
        sources = INCLUDE.findall(batch.read_text())
        owners = collections.defaultdict(list)
        for source in sources:
            if USING_NAMESPACE.search(pathlib.Path(source).read_text()):
                clashes += 1
                print(f"{batch.relative_to(build_dir)}: `using namespace` at namespace level in {source}")
            for scope, name in file_local_names(source):
                owners[(scope, name)].append(source)
        for (scope, name), files in sorted(owners.items()):
            if len(files) > 1:
                clashes += 1
                print(f"{batch.relative_to(build_dir)}: {scope}::{name} in {', '.join(files)}")
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/debug"))
