#!/usr/bin/env python3
"""random_lines.py — a small grammar-aware fuzzer for `escc check`.

Writes files made of random keywords, names, strings, symbols and line
breaks (and, with --mutate, random edits of the procedures in policies/),
runs escc on each, and fails if escc crashes, exits with anything but 0 or 1,
or writes to standard error. Deterministic for a given --seed, so a failure
can be reproduced; the failing input is kept for inspection.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import random

parser = argparse.ArgumentParser()
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--count", type=int, default=200)
parser.add_argument("--grammar", required=True)
parser.add_argument("--policies", required=True)
parser.add_argument("--workdir", required=True)
parser.add_argument("--escc", default="escc")
args = parser.parse_args()

rng = random.Random(args.seed)
keywords = re.findall(r"^[A-Z_]+\s*:\s*'([a-z]+)'\s*;", open(args.grammar).read(), re.M)
pieces = keywords + ["->", ",", ".", "(", ")", '"x"', '"""a\nb"""', "5", "2016-05",
                     "foo", "bar_1", "\n", "\n", "\n", "  ", "#c", '"open', "@",
                     "\u201c", "2x", "missing-timescale", "\t", "\r\n", "\r",
                     "\ufeff", "\u00a0", "\u200b", "\x1b", "\u2013", "5-10"]
sources = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(args.policies, "*.esc")))]


def random_lines():
    toks = ["procedure", "p", '"P"', "\n"] if rng.random() < 0.8 else []
    toks += [rng.choice(pieces) for _ in range(rng.randint(1, 80))]
    return " ".join(toks)


def mutated_policy():
    text = rng.choice(sources)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randint(0, len(text))
        op = rng.random()
        if op < 0.35:
            text = text[:pos] + " " + rng.choice(pieces) + " " + text[pos:]
        elif op < 0.6:
            text = text[:pos] + text[pos + rng.randint(1, 40):]
        elif op < 0.8:
            text = text[:pos] + text[pos:pos + rng.randint(1, 200)] + text[pos:]
        else:
            text = text[:pos]
    return text


os.makedirs(args.workdir, exist_ok=True)
failures = 0
for i in range(args.count):
    text = random_lines() if i % 2 == 0 else mutated_policy()
    path = os.path.join(args.workdir, f"case{i}.esc")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    for fmt in ("text", "json"):
        r = subprocess.run([args.escc, "check", "--format=" + fmt, path],
                           capture_output=True, timeout=30)
        if r.returncode not in (0, 1) or r.stderr:
            failures += 1
            print(f"FAIL {path} ({fmt}): exit {r.returncode}\n{r.stderr.decode(errors='replace')[:2000]}")
            break
    else:
        os.remove(path)
print(f"{args.count} inputs, {failures} failures")
sys.exit(1 if failures else 0)
