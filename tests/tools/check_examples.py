#!/usr/bin/env python3
"""check_examples.py ESCC WORKDIR — runs the example of every check that
`escc explain` documents and fails unless each triggers its own check.
invalid-encoding's example can only be shown as UTF-8 text, so its bad byte
is put in before running it."""
import os
import re
import subprocess
import sys

escc, workdir = sys.argv[1], sys.argv[2]
os.makedirs(workdir, exist_ok=True)
listing = subprocess.run([escc, "explain"], capture_output=True, text=True, check=True).stdout
names = [l.split()[0] for l in listing.splitlines()[2:] if l.strip()]
failures = 0
for name in names:
    doc = subprocess.run([escc, "explain", "--format=markdown", name],
                         capture_output=True, text=True, check=True).stdout
    example = re.search(r"```\n(.*?)```", doc, re.S).group(1).encode()
    if name == "invalid-encoding":
        example = example.replace("–".encode(), b"\x96")
    path = os.path.join(workdir, name + ".esc")
    open(path, "wb").write(example)
    out = subprocess.run([escc, "check", "--today=2026-11-24", path],
                         capture_output=True, text=True).stdout
    if f"[{name}]" not in out:
        failures += 1
        print(f"FAIL {name}: its example does not trigger it\n{out}")
print(f"{len(names)} checks, {failures} examples that do not trigger their check")
sys.exit(1 if failures else 0)
