"""initlint's benchmark: one run, every phase side by side, as ratios to a bare libcst parse.

    python bench/run.py [CORPUS_DIR] [--jobs N] [--limit N] [--markdown FILE] [--json FILE]

CORPUS_DIR defaults to /work/corpus when it exists. When it holds repositories laid out as
`<owner>+<name>/` (see its INDEX.md), those are the corpus (other folders, such as copies of
single files, are left out); otherwise every Python file under it is.

Each phase runs in a fresh subprocess, so that start-up, imports and peak memory are its own:

- parse-all      libcst.parse_module of every file initlint discovers (the "bare parse");
- parse-needed   the same, for the files the prefilter lets through (what initlint must parse);
- cold -j1/-jN   `initlint check` with an empty cache, in one process / N worker processes;
- warm -j1/-jN   the same again, every result in the cache.

Reported per phase: wall time, CPU time (user + sys, workers included), files/s, peak RSS of the
largest process (getrusage), and wall time as a ratio to parse-needed and to parse-all.
Timings depend on the machine and on what else runs on it: the script prints the load average.
No test asserts on them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


# --------------------------------------------------------------------------------------------
# phases that run in the child

def _parse_phase(list_file: str) -> dict:
    import libcst as cst

    paths = [line for line in Path(list_file).read_text().splitlines() if line]
    parsed = failed = 0
    for name in paths:
        try:
            source = Path(name).read_bytes().decode("utf-8-sig")
            cst.parse_module(source)
            parsed += 1
        except Exception:  # noqa: BLE001 - a file libcst cannot parse still costs its attempt
            failed += 1
    return {"parsed": parsed, "failed": failed}


def _measure(command: list[str], cwd: str | None = None) -> dict:
    """Run a command; its wall time, CPU time and the peak RSS of its largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1, 2):  # 2: the run ended, with internal errors (INI902) in some files
        raise SystemExit(f"benchmark phase failed ({completed.returncode}): {' '.join(command[:8])} ...\n"
                         f"{completed.stderr[-3000:]}")
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024, "stdout": completed.stdout}


def _isolated(command: list[str], cwd: str | None = None) -> dict:
    """_measure in a fresh child, so that RUSAGE_CHILDREN's peak is this phase's alone."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure", json.dumps(command),
                          "--cwd", cwd or os.getcwd()], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


# --------------------------------------------------------------------------------------------
# the corpus

def corpus_roots(corpus: Path) -> list[Path]:
    repos = sorted(p for p in corpus.iterdir() if p.is_dir() and "+" in p.name)
    return repos or [corpus]


def corpus_commits(corpus: Path) -> dict[str, str]:
    index = corpus / "INDEX.md"
    if not index.is_file():
        return {}
    commits = {}
    for match in re.finditer(r"^\| ([\w.-]+/[\w.-]+) \| `([0-9a-f]{40})`", index.read_text(), re.M):
        commits[match.group(1).replace("/", "+")] = match.group(2)
    return commits


def discover(roots: list[Path], limit: int | None) -> list[Path]:
    sys.path.insert(0, str(REPO))
    from initlint.discovery import discover as initlint_discover
    from initlint.settings import Settings

    files = [path for path, _ in initlint_discover(tuple(str(r) for r in roots), Settings())]
    return files[:limit] if limit else files


def needed(files: list[Path]) -> list[Path]:
    from initlint.analysis.prefilter import may_create_weights, memoised_run

    kept = []
    with memoised_run():
        for path in files:
            try:
                source = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            if may_create_weights(source, str(path)):
                kept.append(path)
    return kept


# --------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="/work/corpus" if Path("/work/corpus").is_dir() else None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="N for the -jN phases")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (a quick look)")
    parser.add_argument("--markdown", help="also write the table (Markdown) to this file")
    parser.add_argument("--json", dest="json_out", help="also write every number (JSON) to this file")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--cwd", help=argparse.SUPPRESS)
    parser.add_argument("--parse-list", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.parse_list:
        print(json.dumps(_parse_phase(args.parse_list)))
        return
    if args.measure:
        print(json.dumps(_measure(json.loads(args.measure), args.cwd)))
        return
    if not args.corpus:
        parser.error("no CORPUS_DIR given and /work/corpus does not exist")

    corpus = Path(args.corpus).resolve()
    roots = corpus_roots(corpus)
    files = discover(roots, args.limit)
    must = needed(files)
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    work = Path(tempfile.mkdtemp(prefix="initlint-bench-"))
    (work / "all.txt").write_text("".join(f"{p}\n" for p in files))
    (work / "needed.txt").write_text("".join(f"{p}\n" for p in must))
    (work / "files.txt").write_text("".join(f"{p}\n" for p in files))

    me = [sys.executable, str(Path(__file__).resolve())]
    env_note = f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    print(f"corpus: {corpus} ({len(roots)} roots, {len(files)} files, {lines} lines); "
          f"{len(must)} pass the prefilter; {env_note}", file=sys.stderr)

    def initlint(jobs: int, cache: Path) -> list[str]:
        return [sys.executable, "-m", "initlint", "check", "--isolated", "--exit-zero", "--quiet",
                "--format", "json", "--output-file", os.devnull, "-j", str(jobs), "--cache-dir", str(cache),
                *(str(p) for p in roots)] + ([] if not args.limit else [str(p) for p in files])

    # the most telling first: each phase prints its numbers as soon as it ends
    phases: list[tuple[str, list[str]]] = [
        ("bare parse, files initlint must parse", [*me, "--parse-list", str(work / "needed.txt")]),
        ("initlint cold -j1", initlint(1, work / "cache1")),
        ("initlint warm -j1", initlint(1, work / "cache1")),
        (f"initlint cold -j{args.jobs}", initlint(args.jobs, work / "cacheN")),
        (f"initlint warm -j{args.jobs}", initlint(args.jobs, work / "cacheN")),
        ("bare parse, all files", [*me, "--parse-list", str(work / "all.txt")]),
    ]
    results = []
    for name, command in phases:
        print(f"running: {name} ...", file=sys.stderr)
        measured = _isolated(command, cwd=str(REPO))
        measured.pop("stdout", None)
        results.append({"phase": name, **measured})
        print(f"  {measured['wall']:.1f} s wall, {measured['cpu']:.1f} s CPU, {measured['peak_mb']:.0f} MB", file=sys.stderr)
    env_note += f"; after: {os.getloadavg()[0]:.2f}"

    by_name = {r["phase"]: r for r in results}
    parse_all = by_name["bare parse, all files"]["wall"]
    parse_needed = by_name["bare parse, files initlint must parse"]["wall"]
    cold1 = by_name["initlint cold -j1"]["wall"]
    cpu_needed = by_name["bare parse, files initlint must parse"]["cpu"]
    cpu_cold1 = by_name["initlint cold -j1"]["cpu"]
    header = ("| phase | wall s | CPU s | files/s | peak RSS MB | wall ÷ parse (must) | wall ÷ parse (all) "
              "| CPU ÷ parse (must) | wall ÷ cold -j1 | CPU ÷ cold -j1 |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    rows = "".join(
        f"| {r['phase']} | {r['wall']:.2f} | {r['cpu']:.2f} | {len(files) / r['wall']:.0f} | {r['peak_mb']:.0f} | "
        f"{r['wall'] / parse_needed:.2f}x | {r['wall'] / parse_all:.2f}x | {r['cpu'] / cpu_needed:.2f}x | "
        f"{r['wall'] / cold1:.3f} | {r['cpu'] / cpu_cold1:.3f} |\n"
        for r in results)
    commits = corpus_commits(corpus)
    table = header + rows
    summary = (f"\n{len(files)} files ({lines} lines) in {len(roots)} repositories; {len(must)} pass the prefilter. "
               f"-j{args.jobs} speed-up over -j1 (cold, wall): {cold1 / by_name[f'initlint cold -j{args.jobs}']['wall']:.2f}x. "
               f"CPU time of cold -j1 ÷ bare parse of the files it must parse: "
               f"{by_name['initlint cold -j1']['cpu'] / by_name['bare parse, files initlint must parse']['cpu']:.2f}x. "
               f"{env_note}.\n")
    print(table + summary)
    if args.markdown:
        Path(args.markdown).write_text(table + summary)
    if args.json_out:
        per_root = {}
        for root in roots:
            mine = [p for p in files if root in p.parents]
            per_root[root.name] = {"commit": commits.get(root.name), "files": len(mine),
                                   "lines": sum(p.read_bytes().count(b"\n") for p in mine)}
        Path(args.json_out).write_text(json.dumps({"corpus": str(corpus), "files": len(files), "lines": lines,
                                                   "needed": len(must), "jobs": args.jobs, "phases": results,
                                                   "roots": per_root, "environment": env_note}, indent=2))


if __name__ == "__main__":
    main()
