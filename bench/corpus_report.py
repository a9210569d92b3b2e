"""Run initlint over a corpus of real repositories and count what it found, per repository.

    python bench/corpus_report.py [CORPUS_DIR] [--jobs N] [--markdown FILE]

CORPUS_DIR holds repositories laid out as `<owner>+<name>/` (see bench/run.py); each is linted as
a user would lint it (`initlint check` and `initlint explain` in JSON, every rule selected, no
cache, run from inside the repository so that paths are its own). Reported per repository: the
Python files initlint discovers, their lines, the weights `explain` lists, the diagnostics by code,
the INI9xx file diagnostics (files initlint could not read or parse), and crashes: an internal
error (INI902) or a run that did not end with exit status 0, 1 or 2 with valid JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _initlint(args: list[str], cwd: Path, jobs: int) -> tuple[int, object, str]:
    command = [sys.executable, "-m", "initlint", *args, "--isolated", "--no-cache", "--format", "json",
               "-j", str(jobs), "."]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    try:
        return done.returncode, json.loads(done.stdout), done.stderr
    except json.JSONDecodeError:
        return done.returncode, None, done.stderr


def report(repository: Path, jobs: int) -> dict:
    sys.path.insert(0, str(REPO))
    from initlint.discovery import discover
    from initlint.settings import Settings

    files = [path for path, _ in discover((str(repository),), Settings())]
    lines = sum(path.read_bytes().count(b"\n") for path in files)
    check_status, diagnostics, check_err = _initlint(["check", "--select", "ALL", "--exit-zero"], repository, jobs)
    explain_status, explained, explain_err = _initlint(["explain"], repository, jobs)
    codes = Counter(d["code"] for d in diagnostics or [])
    crashes = codes.get("INI902", 0)
    if diagnostics is None or check_status not in (0, 1, 2):
        crashes += 1
        print(f"{repository.name}: check ended with {check_status}: {check_err[-2000:]}", file=sys.stderr)
    if explained is None or explain_status not in (0, 1, 2):
        crashes += 1
        print(f"{repository.name}: explain ended with {explain_status}: {explain_err[-2000:]}", file=sys.stderr)
    weights = len(explained["weights"]) if isinstance(explained, dict) else 0
    return {"repository": repository.name.replace("+", "/"), "files": len(files), "lines": lines,
            "weights": weights, "codes": dict(sorted(codes.items())),
            "unreadable": sum(n for code, n in codes.items() if code in ("INI900", "INI901")), "crashes": crashes}


def markdown(rows: list[dict]) -> str:
    codes = sorted({code for row in rows for code in row["codes"] if not code.startswith("INI9")})
    header = ("| repository | files | lines | weights | " + " | ".join(codes)
              + " | unreadable (INI900/901) | crashes |\n|---|" + "---:|" * (len(codes) + 5) + "\n")
    body = ""
    for row in rows + [_total(rows)]:
        cells = [row["repository"], f"{row['files']:,}", f"{row['lines']:,}", f"{row['weights']:,}",
                 *(str(row["codes"].get(code, 0)) for code in codes), str(row["unreadable"]), str(row["crashes"])]
        body += "| " + " | ".join(cells) + " |\n"
    return header + body


def _total(rows: list[dict]) -> dict:
    codes: Counter = Counter()
    for row in rows:
        codes.update(row["codes"])
    return {"repository": f"**{len(rows)} repositories**", "files": sum(r["files"] for r in rows),
            "lines": sum(r["lines"] for r in rows), "weights": sum(r["weights"] for r in rows),
            "codes": dict(codes), "unreadable": sum(r["unreadable"] for r in rows),
            "crashes": sum(r["crashes"] for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="/work/corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args()
    repositories = sorted(p for p in Path(args.corpus).iterdir() if p.is_dir() and "+" in p.name)
    rows = []
    for repository in repositories:
        rows.append(report(repository, args.jobs))
        print(f"{rows[-1]['repository']}: {rows[-1]['files']} files, {rows[-1]['weights']} weights, "
              f"{rows[-1]['crashes']} crashes", file=sys.stderr)
    table = markdown(rows)
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table)


if __name__ == "__main__":
    main()
