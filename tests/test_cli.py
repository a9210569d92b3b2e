"""The command line: exit codes, flags, configuration, suppression, formats, stdin, rule docs.

These tests run the real CLI, discovery, configuration, selection and suppression over a fake
analysis core (`engine._analyze_source` replaced by a marker scanner), so that they pin the CLI's
behaviour whatever the rules report today. tests/test_cli_e2e.py runs the real core.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from initlint import __version__, engine, rules as rules_module
from initlint.cli import _use_color, main
from initlint.model import Diagnostic, FileResult, Span
from initlint.rules.base import Rule

REPO = Path(__file__).resolve().parents[1]
RISKY = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\nw = tf.Variable(tf.random_normal([784, 256]))\n"
CLEAN = "import tensorflow as tf\nx = tf.keras.layers.Dense(10, kernel_initializer='he_normal')\n"
FAKE_RULES = {
    "INI101": ("exploding-signal", "warning"),
    "INI103": ("scale-mismatch", "info"),
    "INI201": ("zero-kernel", "error"),
    "INI301": ("tf1-default-stddev", "warning"),
}
MARKER = re.compile(r"# fake: (INI\d+) (\w+)")


def fake_analyze(source: str, path: str, settings) -> FileResult:
    """`tf.random_normal(` -> INI301 on its line; `# fake: CODE severity` -> that diagnostic; `crash()` -> INI902."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        column = line.find("tf.random_normal(")
        if column != -1:
            found.append(Diagnostic("INI301", "tf1-default-stddev", "warning",
                                    "`tf.random_normal` defaults to stddev=1.0", path,
                                    Span(number, column + 1, number, column + 1 + len("tf.random_normal([784, 256])")),
                                    data={"fan_in": 784, "std": 1.0}))
        for code, severity in MARKER.findall(line):
            found.append(Diagnostic(code, FAKE_RULES.get(code, ("x", ""))[0], severity, f"fake {code}", path,
                                    Span(number, 1, number, 2)))
        if line.startswith("crash()"):
            found.append(Diagnostic("INI902", "internal-error", "error",
                                    "internal error while analysing this file: RuntimeError('boom')", path,
                                    Span(1, 1, 1, 1), data={"traceback": "Traceback (most recent call last):\n"
                                                                          "RuntimeError: boom\n"}))
    return FileResult(path=path, source=source, diagnostics=tuple(found))


@pytest.fixture(autouse=True)
def fake_core(monkeypatch, tmp_path):
    monkeypatch.setattr(engine, "_analyze_source", fake_analyze)
    existing = {rule.code for rule in rules_module.RULES}
    extra = tuple(Rule(code=code, name=name, severity=severity, summary=f"Summary of {name}.",
                       doc=f"## What it does\nDocs of {name}.\n", check=lambda a, s: iter(()))
                  for code, (name, severity) in FAKE_RULES.items() if code not in existing)
    registry = (*rules_module.RULES, *extra)
    by_code = {rule.code: rule for rule in registry}
    monkeypatch.setattr(rules_module, "RULES", registry)
    monkeypatch.setattr(rules_module, "RULES_BY_CODE", by_code)
    for name in ("INITLINT_FORMAT", "NO_COLOR", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path | str, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


# ---------------------------------------------------------------- exit codes


def test_clean_run_exits_0():
    write("m.py", CLEAN)
    result = invoke("m.py")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "All checks passed!\n", "")


def test_findings_exit_1_with_concise_output():
    write("models/m.py", RISKY)
    result = invoke("models")
    assert result.exit_code == 1
    assert result.stdout == ("models/m.py:3:17: INI301 `tf.random_normal` defaults to stddev=1.0\n"
                             "Found 1 error.\n")


def test_default_command_is_check_and_default_path_is_cwd():
    write("m.py", RISKY)
    assert invoke().exit_code == 1
    assert invoke("check").stdout == invoke().stdout


def test_info_level_is_shown_but_does_not_fail():
    write("m.py", "a = 1  # fake: INI103 info\n")
    result = invoke("m.py")
    assert result.exit_code == 0
    assert result.stdout == "m.py:1:1: INI103 fake INI103\nFound 1 error (1 info).\n"


def test_error_level_fails():
    write("m.py", "a = 1  # fake: INI201 error\n")
    assert invoke("m.py").exit_code == 1


def test_exit_zero():
    write("m.py", RISKY)
    result = invoke("--exit-zero", "m.py")
    assert result.exit_code == 0 and "INI301" in result.stdout
    assert invoke("-e", "m.py").exit_code == 0


def test_internal_error_exits_2_even_with_exit_zero_and_verbose_shows_traceback():
    write("m.py", "crash()\n")
    result = invoke("m.py")
    assert result.exit_code == 2
    assert "m.py:1:1: INI902 internal error" in result.stdout
    assert "run with --verbose for the traceback" in result.stderr
    assert "RuntimeError: boom" not in result.stderr
    assert invoke("--exit-zero", "m.py").exit_code == 2
    verbose = invoke("--verbose", "m.py")
    assert verbose.exit_code == 2
    assert "Traceback of INI902 in m.py:\nTraceback (most recent call last):\nRuntimeError: boom" in verbose.stderr


def test_internal_error_cannot_be_suppressed_or_deselected():
    write("m.py", "crash()  # noqa\n# initlint: noqa\n")
    assert invoke("--ignore", "INI9", "m.py").exit_code == 2


def test_unreadable_and_missing_files_are_diagnostics_not_crashes():
    Path("latin1.py").write_bytes(b"x = '\xe9'\n")
    result = invoke("latin1.py", "missing.py")
    assert result.exit_code == 1
    assert "latin1.py:1:1: INI900 cannot decode file as UTF-8 (byte 5)" in result.stdout
    assert "missing.py:1:1: INI900 cannot read file: No such file or directory" in result.stdout


def test_unknown_selector_is_a_usage_error():
    write("m.py", RISKY)
    result = invoke("--select", "XYZ999", "m.py")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "initlint failed\n  Cause: Unknown rule selector `XYZ999` in `select` from the CLI\n"
    assert "`INI4` in `ignore`" in invoke("--ignore", "INI4", "m.py").stderr
    assert "`nope` in `extend-select`" in invoke("--extend-select", "INI1,nope", "m.py").stderr


def test_bad_option_is_exit_2():
    assert invoke("--format", "xml", "m.py").exit_code == 2
    assert invoke("--no-such-flag").exit_code == 2


# ---------------------------------------------------------------- selection


def test_select_ignore_extend_select_with_prefixes():
    write("m.py", RISKY + "a = 1  # fake: INI101 warning\nb = 2  # fake: INI201 error\n")

    def codes(*args):
        return re.findall(r"^\S+: (INI\d+) ", invoke(*args, "m.py").stdout, re.M)
    assert codes() == ["INI301", "INI101", "INI201"]
    assert codes("--select", "INI1") == ["INI101"]
    assert codes("--select", "INI1,INI2") == ["INI101", "INI201"]
    assert codes("--select", "INI1", "--select", "INI301") == ["INI301", "INI101"]
    assert codes("--select", "ALL", "--ignore", "INI3") == ["INI101", "INI201"]
    assert codes("--ignore", "INI") == []
    assert codes("--ignore", "INI", "--extend-select", "INI201") == ["INI201"]
    assert codes("--select", "ini301") == ["INI301"]
    result = invoke("--select", "INI2", "--ignore", "INI201", "m.py")
    assert (result.exit_code, result.stdout) == (0, "All checks passed!\n")


def test_per_file_ignores_on_the_cli():
    write("tests/t.py", RISKY)
    write("src/s.py", RISKY)
    result = invoke("--per-file-ignores", "tests/*:INI301", ".")
    assert result.stdout.splitlines()[0].startswith("src/s.py:3:17: INI301")
    assert "tests/t.py" not in result.stdout
    assert "Invalid value `tests` for `--per-file-ignores`" in invoke("--per-file-ignores", "tests", ".").stderr


# ---------------------------------------------------------------- configuration


def test_pyproject_configuration_is_found_upward_and_overridden_by_the_cli(fake_core):
    write("pyproject.toml", '[tool.initlint]\nignore = ["INI301"]\nper-file-ignores = {"legacy/*" = ["INI1"]}\n')
    write("pkg/m.py", RISKY + "a = 1  # fake: INI101 warning\n")
    write("legacy/old.py", "a = 1  # fake: INI101 warning\n")
    os.chdir("pkg")
    result = invoke("m.py", "../legacy/old.py")
    assert result.stdout == "m.py:4:1: INI101 fake INI101\nFound 1 error.\n"
    assert "INI301" in invoke("--extend-select", "INI301", "m.py").stdout
    assert "INI301" in invoke("--isolated", "m.py").stdout
    assert "INI301" in invoke("--select", "INI3", "m.py").stdout


def test_config_flag(fake_core):
    write("m.py", RISKY + "a = 1  # fake: INI101 warning\n")
    write("conf/initlint.toml", 'select = ["INI1"]\n')
    write("conf/pyproject.toml", '[tool.initlint]\nselect = ["INI3"]\n')
    assert re.findall(r"^\S+: (INI\d+) ", invoke("--config", "conf/initlint.toml", "m.py").stdout, re.M) == ["INI101"]
    assert re.findall(r"^\S+: (INI\d+) ", invoke("--config", "conf/pyproject.toml", "m.py").stdout, re.M) == ["INI301"]
    result = invoke("--config", "conf/missing.toml", "m.py")
    assert result.exit_code == 2
    assert result.stderr == "initlint failed\n  Cause: The configuration file `conf/missing.toml` does not exist\n"


@pytest.mark.parametrize("toml, cause", [
    ("[tool.initlint]\nselect = [\n", "Failed to parse"),
    ("[tool.initlint]\nselect = 3\n", "Invalid value for `select`"),
    ("[tool.initlint]\nbogus = 3\n", "Unknown key `bogus`"),
    ("[tool.initlint]\nselect = [\"XYZ999\"]\n", "Unknown rule selector `XYZ999` in `select` in"),
    ("[tool.initlint.thresholds]\nexplode = -3\n", "-3 is out of range"),
    ("[tool.initlint.thresholds]\ndeep-stack = 100000000\n", "100000000 is out of range"),
    ("[tool.initlint]\nmax-call-depth = 1_000_000_000_000\n", "is out of range"),
    ("[tool.initlint]\ndialect = 2\n", "Invalid value for `dialect`"),
])
def test_bad_configuration_exits_2_without_traceback(toml, cause):
    write("pyproject.toml", toml)
    write("m.py", RISKY)
    result = invoke("m.py")
    assert result.exit_code == 2
    assert result.stderr.startswith("initlint failed\n  Cause: ")
    assert cause in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_threshold_and_dialect_flags_reach_the_settings(monkeypatch):
    seen = []

    def spy(source, path, settings):
        seen.append(settings)
        return fake_analyze(source, path, settings)
    monkeypatch.setattr(engine, "_analyze_source", spy)
    write("pyproject.toml", "[tool.initlint]\ndialect = 'tf1'\n[tool.initlint.thresholds]\nexplode = 30\n")
    write("m.py", CLEAN)
    assert invoke("m.py").exit_code == 0
    assert seen[-1].dialect == "tf1" and seen[-1].thresholds.explode == 30.0
    assert invoke("--threshold", "explode=40", "--threshold", "vanish=1e-5", "--dialect", "tf2", "m.py").exit_code == 0
    assert seen[-1].dialect == "tf2" and seen[-1].thresholds.explode == 40.0 and seen[-1].thresholds.vanish == 1e-5
    bad = invoke("--threshold", "explode", "m.py")
    assert bad.exit_code == 2 and "expected KEY=VALUE" in bad.stderr
    assert invoke("--threshold", "explode=-1", "m.py").exit_code == 2


# ---------------------------------------------------------------- suppression


def test_noqa_comments():
    write("m.py", "import tensorflow as tf\n"
                  "w = tf.Variable(tf.random_normal([784, 256]))  # noqa: INI301\n"
                  "v = tf.Variable(tf.random_normal([784, 256]))  # noqa: INI101\n"
                  "u = tf.Variable(tf.random_normal([784, 256]))  # noqa\n"
                  "t = tf.Variable(tf.random_normal([784, 256]))  # NOQA:INI101,INI301\n")
    result = invoke("m.py")
    assert result.stdout == "m.py:3:17: INI301 `tf.random_normal` defaults to stddev=1.0\nFound 1 error.\n"


def test_file_level_noqa():
    write("m.py", "# initlint: noqa\n" + RISKY)
    assert invoke("m.py").exit_code == 0
    write("m.py", "# initlint: noqa: INI1\n" + RISKY)
    assert invoke("m.py").exit_code == 1


# ---------------------------------------------------------------- discovery through the CLI


def test_discovery_flags():
    write("src/a.py", RISKY)
    write("build/gen.py", RISKY)
    write(".venv/lib/v.py", RISKY)
    write("src/generated/g.py", RISKY)
    write(".gitignore", "src/generated/\n")

    def files(*args):
        return invoke("--show-files", *args).stdout.splitlines()
    assert files() == ["src/a.py"]
    assert files("--no-respect-gitignore") == ["src/a.py", "src/generated/g.py"]
    assert files("--extend-exclude", "src") == []
    assert files("--exclude", ".venv") == ["build/gen.py", "src/a.py"]
    assert files("build/gen.py", "src") == ["build/gen.py", "src/a.py"]
    assert files("--force-exclude", "build/gen.py", "src/a.py") == ["src/a.py"]
    assert invoke("--force-exclude", "build/gen.py").stdout == "All checks passed!\n"


def test_output_sorted_by_path_then_line():
    write("b.py", RISKY)
    write("a/z.py", "x = 1  # fake: INI201 error\n" + RISKY)
    lines = invoke(".").stdout.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == ["a/z.py:1:1", "a/z.py:4:17", "b.py:3:17"]


# ---------------------------------------------------------------- stdin


def test_stdin_with_filename():
    result = invoke("--stdin-filename", "models/m.py", "-", input=RISKY)
    assert result.exit_code == 1
    assert result.stdout.startswith("models/m.py:3:17: INI301 ")
    assert invoke("--stdin-filename", "models/m.py", input=RISKY).stdout == result.stdout
    assert invoke("-", input=RISKY).stdout.startswith("-:3:17: INI301 ")
    assert invoke("-", input=b"x = '\xe9'\n").stdout.startswith("-:1:1: INI900 cannot decode")


def test_stdin_respects_config_and_force_exclude():
    write("pyproject.toml", '[tool.initlint]\nper-file-ignores = {"tests/*" = ["INI301"]}\n')
    assert invoke("--stdin-filename", "tests/t.py", "-", input=RISKY).exit_code == 0
    assert invoke("--stdin-filename", "src/t.py", "-", input=RISKY).exit_code == 1
    result = invoke("--force-exclude", "--stdin-filename", "build/t.py", "-", input=RISKY)
    assert (result.exit_code, result.stdout) == (0, "All checks passed!\n")


# ---------------------------------------------------------------- output


@pytest.mark.parametrize("name", ["concise", "full", "json", "json-lines", "github", "gitlab", "sarif", "junit"])
def test_every_format_via_flag_and_environment(name):
    write("m.py", RISKY)
    by_flag = invoke("--format", name, "m.py")
    by_env = invoke("m.py", env={"INITLINT_FORMAT": name})
    assert by_flag.exit_code == by_env.exit_code == 1
    assert by_flag.stdout == by_env.stdout and "INI301" in by_flag.stdout
    assert invoke("--output-format", name, "m.py").stdout == by_flag.stdout


def test_format_flag_beats_environment_and_bad_environment_is_exit_2():
    write("m.py", RISKY)
    assert json.loads(invoke("--format", "json", "m.py", env={"INITLINT_FORMAT": "github"}).stdout)[0]["code"] == "INI301"
    assert invoke("m.py", env={"INITLINT_FORMAT": "yaml"}).exit_code == 2


def test_json_output_through_the_cli():
    write("m.py", RISKY)
    record = json.loads(invoke("--format", "json", "m.py").stdout)[0]
    assert record["filename"] == "m.py" and record["location"] == {"row": 3, "column": 17}
    assert record["end_location"] == {"row": 3, "column": 45} and record["noqa_row"] == 3


def test_statistics_and_quiet():
    write("m.py", RISKY + RISKY.replace("import tensorflow as tf\n", "") + "a = 1  # fake: INI201 error\n")
    result = invoke("--statistics", "m.py")
    assert result.exit_code == 1
    assert result.stdout == "2\tINI301\ttf1-default-stddev\n1\tINI201\tzero-kernel\nFound 3 errors.\n"
    assert invoke("--statistics", "-q", "m.py").stdout == "2\tINI301\ttf1-default-stddev\n1\tINI201\tzero-kernel\n"
    assert json.loads(invoke("--statistics", "--format", "json", "m.py").stdout)[0] == {
        "code": "INI301", "name": "tf1-default-stddev", "count": 2, "fixable": False}
    quiet = invoke("--quiet", "m.py")
    assert quiet.exit_code == 1 and "Found" not in quiet.stdout and quiet.stdout.count("\n") == 3
    write("c.py", CLEAN)
    assert invoke("-q", "c.py").stdout == ""


def test_output_file():
    write("m.py", RISKY)
    result = invoke("--format", "json", "-o", "reports/out.json", "m.py")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(Path("reports/out.json").read_text())[0]["code"] == "INI301"
    assert invoke("--output-file", "out.txt", "--color", "m.py").exit_code == 1
    assert "\x1b[" not in Path("out.txt").read_text()  # never colour in a file


def test_version():
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"initlint {__version__}\n")


def test_colour_only_on_a_terminal(monkeypatch):
    write("m.py", RISKY)
    assert "\x1b[" not in invoke("m.py").stdout  # CliRunner's stdout is not a terminal
    coloured = invoke("--color", "m.py").stdout
    assert "\x1b[" in coloured and click.unstyle(coloured) == invoke("m.py").stdout
    assert "\x1b[" not in invoke("--no-color", "m.py").stdout

    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty
    monkeypatch.setattr(click, "get_text_stream", lambda name: Stream(True))
    assert _use_color(None, False) is True
    assert _use_color(None, True) is False  # --output-file
    assert _use_color(False, False) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(None, False) is False
    assert _use_color(True, False) is True  # an explicit --color wins
    monkeypatch.setattr(click, "get_text_stream", lambda name: Stream(False))
    monkeypatch.delenv("NO_COLOR")
    assert _use_color(None, False) is False


def test_ctrl_c_is_quiet(monkeypatch):
    def interrupted(source, path, settings):
        raise KeyboardInterrupt
    monkeypatch.setattr(engine, "_analyze_source", interrupted)
    write("m.py", RISKY)
    result = CliRunner().invoke(main, ["m.py"])
    assert result.exit_code == 130
    assert result.stderr == "initlint: interrupted\n"


# ---------------------------------------------------------------- rule documentation


def test_rule_command_and_explain_flag():
    result = invoke("rule", "INI301")
    assert result.exit_code == 0
    assert result.stdout.startswith("# tf1-default-stddev (INI301)\n\nDefault severity: warning.\n\n")
    assert "## What it does" in result.stdout
    assert invoke("--explain", "INI301").stdout == result.stdout
    assert invoke("rule", "ini301").stdout == result.stdout
    assert invoke("rule", "tf1-default-stddev").stdout == result.stdout
    all_docs = invoke("rule", "--all").stdout
    assert "# syntax-error (INI901)" in all_docs and "# tf1-default-stddev (INI301)" in all_docs


def test_unknown_rule_is_exit_2():
    for args in (("rule", "XYZ999"), ("--explain", "XYZ999")):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stderr == "initlint failed\n  Cause: Unknown rule `XYZ999` (see `initlint --list-rules`)\n"
    assert invoke("rule").exit_code == 2


def test_list_rules():
    result = invoke("--list-rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    codes = [line.split()[0] for line in lines]
    assert codes == sorted(codes) and {"INI301", "INI900", "INI901", "INI902"} <= set(codes)
    ini301 = next(line for line in lines if line.startswith("INI301"))
    assert re.match(r"INI301  tf1-default-stddev +warning +\S", ini301)


# ---------------------------------------------------------------- a real process: pipes


def _subprocess_env() -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("INITLINT_FORMAT", None)
    return env


def test_broken_pipe_is_quiet(tmp_path):
    # thousands of unreadable files: INI900 needs no analysis core, and the output outgrows a pipe buffer
    for index in range(3000):
        (tmp_path / f"file_with_a_rather_long_name_{index:05d}.py").write_bytes(b"\xff\n")
    process = subprocess.Popen([sys.executable, "-m", "initlint", "--isolated", "."], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_subprocess_env())
    first = process.stdout.readline()
    process.stdout.close()  # as `initlint . | head -1` does
    stderr = process.stderr.read().decode()
    process.wait()
    assert first.startswith(b"file_with_a_rather_long_name_00000.py:1:1: INI900")
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert process.returncode == 1


def test_console_entry_point_runs_as_a_module(tmp_path):
    (tmp_path / "x.py").write_bytes(b"\xff\n")
    result = subprocess.run([sys.executable, "-m", "initlint", "--isolated", "x.py"], cwd=tmp_path,
                            capture_output=True, text=True, env=_subprocess_env())
    assert result.returncode == 1
    assert result.stdout == "x.py:1:1: INI900 cannot decode file as UTF-8 (byte 0)\nFound 1 error.\n"
