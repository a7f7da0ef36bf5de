#!/usr/bin/env python3
"""update_checks.py — writes the CHECK lines of a lit test from what escc says.

In the manner of LLVM's update_*_test_checks.py: run the test's RUN line,
drop the file's old CHECK lines, and put each finding of the kind under test
(those named by --implicit-check-not='[kind]') above the procedure it is
in, with line numbers written relative ([[@LINE+n]]) so that the test keeps
working when lines are added above. The summary line goes last.

The output is what escc says today, not what it should say: read every line
it writes before committing it, and work the numbers out by hand.

  tests/tools/update_checks.py build/bin/escc tests/lit/checks/NAME.esc
"""
import re
import shlex
import subprocess
import sys

FINDING = re.compile(r"^(\S+?):(\d+):(\d+): (warning|error|note): ")


def run_line(text):
    for line in text.splitlines():
        if line.startswith("# RUN:"):
            return line[len("# RUN:"):].strip()
    sys.exit("no RUN line")


def main():
    escc, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    run = run_line(text)
    kinds = re.findall(r"--implicit-check-not='\[([a-z-]+)\]'", run)
    if not kinds:
        sys.exit("the RUN line names no kind with --implicit-check-not")
    # Old CHECK lines go; the rest of the file stays as it is, and escc
    # reads it so.
    source = [l for l in text.split("\n") if not re.match(r"^# CHECK(-NEXT)?:", l)]
    open(path, "w", encoding="utf-8").write("\n".join(source))
    # The escc part of the RUN line, before the pipe into FileCheck.
    command = run.split("|")[0].strip()
    args = shlex.split(command.replace("%s", path))
    assert args[0] == "escc"
    out = subprocess.run([escc] + args[1:], capture_output=True, text=True).stdout
    blocks, block, summary = [], None, None
    for line in out.splitlines():
        if line.startswith("checked "):
            summary = line
            continue
        m = FINDING.match(line)
        if m and m.group(4) in ("warning", "error"):
            block = None
            if any(line.endswith(f"[{k}]") for k in kinds):
                block = [line]
                blocks.append(block)
            continue
        if block is not None:
            block.append(line)

    # Findings above the procedure they are in (or the first line of code).
    def procedure_start(line_no):
        start = 0
        for i, l in enumerate(source[:line_no], 1):
            if l.startswith("procedure "):
                start = i
        # Above the comments that lead into the procedure.
        while start > 1 and source[start - 2].startswith("#"):
            start -= 1
        return start

    inserts = {}
    for b in blocks:
        line_no = int(FINDING.match(b[0]).group(2))
        inserts.setdefault(procedure_start(line_no), []).append(b)

    # New line numbers: each inserted line shifts those below it.
    result, origin = [], {}
    for i, l in enumerate(source, 1):
        for b in inserts.get(i, []):
            for j, ol in enumerate(b):
                result.append((ol, j == 0))
        origin[i] = len(result) + 1
        result.append((l, None))
    final = []
    for n, (l, first) in enumerate(result, 1):
        if first is None:
            final.append(l)
            continue
        m = FINDING.match(l)
        if m:
            target = origin[int(m.group(2))]
            delta = target - n
            rel = f"[[@LINE+{delta}]]" if delta >= 0 else f"[[@LINE{delta}]]"
            name = path.rsplit("/", 1)[-1]
            l = f"{{{{.*}}}}{name}:{rel}:{m.group(3)}:" + l[m.end(3) + 1:]
        final.append(("# CHECK:" if first else "# CHECK-NEXT:") + l)
    while final and final[-1] == "":
        final.pop()
    final += ["", f"# CHECK:{summary}", ""]
    open(path, "w", encoding="utf-8").write("\n".join(final))


if __name__ == "__main__":
    main()
