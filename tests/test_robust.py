"""Robust on anything it meets: every kind of bad input is a diagnostic for that file (INI9xx, with
the line where there is one), and the other files of the same run are still linted.

Every case runs through the CLI with a second, good file whose finding (INI301 on line 3) must
still be reported. Cases that could take the whole process down (a native stack overflow in the
parser) run in a subprocess; the others in-process with click's CliRunner.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from initlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
HEADER = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
RISKY_LINE = "w = tf.Variable(tf.random_normal([784, 256]))\n"
GOOD = HEADER + RISKY_LINE  # INI301 on line 3, column 5
FLAGS = ("--isolated", "--no-cache", "--jobs", "1", "--format", "json")


@pytest.fixture(autouse=True)
def project(tmp_path, monkeypatch):
    for name in ("INITLINT_FORMAT", "NO_COLOR", "INITLINT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.py").write_text(GOOD, encoding="utf-8")
    return tmp_path


def lint(*paths: str, extra: tuple[str, ...] = (), input: bytes | None = None):
    """(exit code, records by file name, stderr) of one in-process CLI run."""
    result = CliRunner().invoke(main, [*FLAGS, *extra, *paths], input=input, catch_exceptions=False)
    records: dict[str, list[dict]] = {}
    for record in json.loads(result.stdout):
        records.setdefault(record["filename"], []).append(record)
    return result.exit_code, records, result.stderr


def lint_subprocess(*paths: str, timeout: float = 300):
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "initlint", *FLAGS, *paths], capture_output=True, text=True,
                          env=env, timeout=timeout)
    assert done.returncode in (0, 1, 2), f"crashed with {done.returncode}: {done.stderr[-2000:]}"
    records: dict[str, list[dict]] = {}
    for record in json.loads(done.stdout):
        records.setdefault(record["filename"], []).append(record)
    return done.returncode, records, done.stderr


def assert_good_reported(records: dict[str, list[dict]]) -> None:
    assert [(r["code"], r["location"]["row"], r["location"]["column"]) for r in records["good.py"]] == [
        ("INI301", 3, 5)]


def only(records: dict[str, list[dict]], name: str) -> tuple[str, int]:
    found = records.get(name, [])
    assert len(found) == 1, found
    return found[0]["code"], found[0]["location"]["row"]


# --------------------------------------------------------------------------- unreadable / undecodable


def test_syntax_error_is_ini901_at_its_line(project):
    (project / "bad.py").write_text(HEADER + "def broken(:\n    pass\n" + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint("bad.py", "good.py")
    assert only(records, "bad.py") == ("INI901", 3)
    assert_good_reported(records)
    assert code == 1


def test_python2_file_is_ini901_at_the_print_statement(project):
    (project / "py2.py").write_text(HEADER + 'print "loss", 1\nexcept Exception, e:\n' + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint("py2.py", "good.py")
    assert only(records, "py2.py") == ("INI901", 3)
    assert_good_reported(records)


def test_non_utf8_bytes_are_ini900_at_their_line(project):
    (project / "latin.py").write_bytes(HEADER.encode() + b"# caf\xe9\n" + RISKY_LINE.encode())
    code, records, _ = lint("latin.py", "good.py")
    assert only(records, "latin.py") == ("INI900", 3)
    assert "UTF-8" in records["latin.py"][0]["message"]
    assert_good_reported(records)


def test_declared_latin1_encoding_is_honoured(project):
    (project / "declared.py").write_bytes(b"# -*- coding: latin-1 -*-\n" + HEADER.encode() + b"# caf\xe9\n"
                                          + RISKY_LINE.encode())
    code, records, _ = lint("declared.py", "good.py")
    assert only(records, "declared.py") == ("INI301", 5)
    assert_good_reported(records)


@pytest.mark.parametrize("cookie", [b"# coding: no-such-codec\n", b"# coding: rot13\n"])
def test_unknown_or_non_text_encoding_is_ini900(project, cookie):
    (project / "odd.py").write_bytes(cookie + HEADER.encode() + RISKY_LINE.encode())
    code, records, _ = lint("odd.py", "good.py")
    assert only(records, "odd.py")[0] == "INI900"
    assert_good_reported(records)


def test_utf8_bom_is_accepted_and_columns_are_unchanged(project):
    (project / "bom.py").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    code, records, _ = lint("bom.py", "good.py")
    assert [(r["code"], r["location"]["row"], r["location"]["column"]) for r in records["bom.py"]] == [
        ("INI301", 3, 5)]
    assert_good_reported(records)


@pytest.mark.parametrize("newline", ["\r\n", "mixed", "\r"])
def test_crlf_mixed_and_cr_line_endings_keep_lines(project, newline):
    lines = GOOD.splitlines()
    if newline == "mixed":
        text = lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r\n"
    else:
        text = newline.join(lines) + newline
    (project / "endings.py").write_bytes(text.encode())
    code, records, _ = lint("endings.py", "good.py")
    assert [(r["code"], r["location"]["row"], r["location"]["column"]) for r in records["endings.py"]] == [
        ("INI301", 3, 5)]
    assert_good_reported(records)


def test_nul_bytes_are_ini900_at_their_line(project):
    (project / "nul.py").write_bytes(HEADER.encode() + b"x = 1\x00\n" + RISKY_LINE.encode())
    code, records, _ = lint("nul.py", "good.py")
    assert only(records, "nul.py") == ("INI900", 3)
    assert "NUL" in records["nul.py"][0]["message"]
    assert_good_reported(records)


def test_empty_file_is_clean(project):
    (project / "empty.py").write_bytes(b"")
    code, records, _ = lint("empty.py", "good.py")
    assert "empty.py" not in records
    assert_good_reported(records)
    assert lint("empty.py")[0] == 0


def test_whitespace_and_comment_only_file_is_clean(project):
    (project / "blank.py").write_text("\n\n   \n# import tensorflow as tf\n\t\n", encoding="utf-8")
    code, records, _ = lint("blank.py", "good.py")
    assert "blank.py" not in records
    assert_good_reported(records)


def test_twenty_megabyte_file_is_ini900_not_analysed(project):
    body = ("h = tf.layers.dense(h, 10)  # " + "x" * 60 + "\n") * 220_000
    (project / "huge.py").write_text(HEADER + body, encoding="utf-8")
    assert (project / "huge.py").stat().st_size > 20_000_000
    code, records, _ = lint("huge.py", "good.py")
    assert only(records, "huge.py")[0] == "INI900"
    assert "too large" in records["huge.py"][0]["message"]
    assert_good_reported(records)


def test_file_with_too_many_tokens_is_ini900(project):
    (project / "table.py").write_text(HEADER + "TABLE = [" + "1," * 250_000 + "]\n" + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint("table.py", "good.py")
    assert only(records, "table.py")[0] == "INI900"
    assert_good_reported(records)


def test_very_long_line_is_analysed(project):
    table = "TABLE = [" + ", ".join(str(i) for i in range(20_000)) + "]\n"  # a 130 kB line
    (project / "long.py").write_text(HEADER + table + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint("long.py", "good.py")
    assert only(records, "long.py") == ("INI301", 4)
    assert_good_reported(records)


def test_very_long_line_holding_the_weight_is_analysed(project):
    padding = "0, " * 4_000
    (project / "long.py").write_text(HEADER + f"n = max(256, {padding})\nw = tf.Variable(tf.random_normal([784, n]))  "
                                     + "#" * 50_000 + "\n", encoding="utf-8")
    code, records, _ = lint("long.py", "good.py")
    assert only(records, "long.py") == ("INI301", 4)
    assert_good_reported(records)


# --------------------------------------------------------------------------- deep nesting


DEEP = {
    "parentheses": lambda n: "y = " + "(" * n + "x" + ")" * n + "\n",
    "brackets": lambda n: "y = " + "[" * n + "x" + "]" * n + "\n",
    "call_chain": lambda n: "y = tf.identity" + "(x)" * n + "\n",
    "attribute_chain": lambda n: "y = tf" + ".a" * n + "\n",
    "subscript_chain": lambda n: "y = x" + "[0]" * n + "\n",
    "binary_chain": lambda n: "y = x" + " + x" * n + "\n",
    "unary_chain": lambda n: "y = " + "-" * n + "x\n",
    "boolean_chain": lambda n: "y = x" + " and x" * n + "\n",
    "string_concatenation": lambda n: "y = (\n" + '    "a"\n' * n + ")\n",
    "lambdas": lambda n: "y = " + "lambda: " * n + "x\n",
    "conditional_chain": lambda n: "y = x" + " if x else x" * n + "\n",
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_thousands_deep_is_a_diagnostic_and_the_run_goes_on(project, kind):
    (project / "deep.py").write_text(HEADER + DEEP[kind](5_000) + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint_subprocess("deep.py", "good.py")
    found_code, line = only(records, "deep.py")
    assert found_code == "INI901"
    assert 3 <= line <= 5_003
    assert_good_reported(records)
    assert code == 1


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_but_valid_python_is_analysed(project, kind):
    """Nesting Python itself accepts (under 200 brackets, a few hundred chained operations) is linted."""
    depth = 150 if kind in ("parentheses", "brackets") else 400
    (project / "deep.py").write_text(HEADER + DEEP[kind](depth) + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint_subprocess("deep.py", "good.py")
    rows = [(r["code"], r["location"]["row"]) for r in records["deep.py"]]
    last = 3 + DEEP[kind](depth).count("\n")
    assert rows == [("INI301", last)]
    assert_good_reported(records)


def test_deep_nesting_inside_a_weight_call_is_analysed(project):
    (project / "deep.py").write_text(
        HEADER + "w = tf.Variable(tf.random_normal(" + "(" * 150 + "[784, 256]" + ")" * 150 + "))\n",
        encoding="utf-8")
    code, records, _ = lint_subprocess("deep.py", "good.py")
    assert only(records, "deep.py") == ("INI301", 3)
    assert_good_reported(records)


def test_deeply_nested_statements_are_a_diagnostic(project):
    nested = "".join(" " * level + "if x:\n" for level in range(120)) + " " * 120 + "pass\n"
    (project / "blocks.py").write_text(HEADER + nested + RISKY_LINE, encoding="utf-8")
    code, records, _ = lint_subprocess("blocks.py", "good.py")
    assert only(records, "blocks.py")[0] == "INI901"
    assert_good_reported(records)


def test_deeply_nested_functions_are_analysed(project):
    nested = "".join(" " * (4 * level) + f"def f{level}():\n" for level in range(90))
    nested += " " * 360 + "return tf.Variable(tf.random_normal([784, 256]))\n"
    (project / "funcs.py").write_text(HEADER + nested, encoding="utf-8")
    code, records, _ = lint_subprocess("funcs.py", "good.py")
    assert code in (0, 1)
    assert all(r["code"] not in ("INI901", "INI902") for r in records.get("funcs.py", []))
    assert_good_reported(records)


def test_deep_recursion_between_helpers_is_analysed(project):
    helpers = "".join(f"def h{i}(x):\n    return h{i + 1}(x)\n" for i in range(3_000))
    helpers += "def h3000(x):\n    return tf.Variable(tf.random_normal([784, 256]))\n"
    (project / "chain.py").write_text(HEADER + helpers + "w = h0(x)\n", encoding="utf-8")
    code, records, _ = lint_subprocess("chain.py", "good.py")
    assert all(r["code"] not in ("INI901", "INI902") for r in records.get("chain.py", []))
    assert_good_reported(records)


def test_self_recursive_helpers_terminate(project):
    (project / "loop.py").write_text(HEADER + "def f(x):\n    return g(x)\n\ndef g(x):\n    return f(x)\n\n"
                                     "y = f(x)\nw = tf.Variable(tf.random_normal([784, 256]))\n", encoding="utf-8")
    code, records, _ = lint_subprocess("loop.py", "good.py")
    assert only(records, "loop.py") == ("INI301", 10)
    assert_good_reported(records)


# --------------------------------------------------------------------------- odd paths


def test_directory_named_like_a_module_is_walked_not_read(project):
    (project / "models.py").mkdir()
    (project / "models.py" / "inner.py").write_text(GOOD, encoding="utf-8")
    code, records, _ = lint("models.py", "good.py")
    assert set(records) == {"good.py", os.path.join("models.py", "inner.py")}
    assert_good_reported(records)


def test_directory_named_like_a_module_inside_a_walked_tree(project):
    (project / "src" / "layers.py").mkdir(parents=True)
    (project / "src" / "model.py").write_text(GOOD, encoding="utf-8")
    code, records, _ = lint("src", "good.py")
    assert set(records) == {"good.py", os.path.join("src", "model.py")}


def test_unreadable_file_is_ini900(project, monkeypatch):
    """Tests run as root, where chmod 000 does not stop reading: the read itself is made to fail."""
    (project / "secret.py").write_text(GOOD, encoding="utf-8")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.py":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    code, records, _ = lint("secret.py", "good.py")
    assert only(records, "secret.py") == ("INI900", 1)
    assert "Permission denied" in records["secret.py"][0]["message"]
    assert_good_reported(records)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file_is_ini900(project):
    target = project / "secret.py"
    target.write_text(GOOD, encoding="utf-8")
    target.chmod(0)
    try:
        code, records, _ = lint("secret.py", "good.py")
    finally:
        target.chmod(0o644)
    assert only(records, "secret.py")[0] == "INI900"
    assert_good_reported(records)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_broken_symlink_named_explicitly_is_ini900(project):
    (project / "broken.py").symlink_to(project / "nowhere.py")
    code, records, _ = lint("broken.py", "good.py")
    assert only(records, "broken.py")[0] == "INI900"
    assert_good_reported(records)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_looping_symlinks_named_explicitly_are_ini900(project):
    (project / "a.py").symlink_to(project / "b.py")
    (project / "b.py").symlink_to(project / "a.py")
    code, records, _ = lint("a.py", "good.py")
    assert only(records, "a.py")[0] == "INI900"
    assert_good_reported(records)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_broken_and_looping_symlinks_in_a_walk_do_not_stop_it(project):
    tree = project / "tree"
    tree.mkdir()
    (tree / "model.py").write_text(GOOD, encoding="utf-8")
    (tree / "broken.py").symlink_to(tree / "nowhere.py")
    (tree / "a.py").symlink_to(tree / "b.py")
    (tree / "b.py").symlink_to(tree / "a.py")
    (tree / "up").symlink_to(tree, target_is_directory=True)  # a directory loop
    code, records, _ = lint("tree", "good.py")
    assert [(r["code"], r["location"]["row"]) for r in records[os.path.join("tree", "model.py")]] == [("INI301", 3)]
    assert all(r["code"] == "INI900" for name, found in records.items() for r in found
               if name not in ("good.py", os.path.join("tree", "model.py")))
    assert_good_reported(records)


def test_paths_with_spaces_and_non_ascii_characters(project):
    folder = project / "my models" / "réseau ü"
    folder.mkdir(parents=True)
    (folder / "modèle 1.py").write_text(GOOD, encoding="utf-8")
    code, records, _ = lint("my models", "good.py")
    shown = os.path.join("my models", "réseau ü", "modèle 1.py")
    assert [(r["code"], r["location"]["row"]) for r in records[shown]] == [("INI301", 3)]
    assert_good_reported(records)
    code, records, _ = lint(shown, "good.py")
    assert [(r["code"], r["location"]["row"]) for r in records[shown]] == [("INI301", 3)]


def test_missing_path_is_ini900_and_the_run_goes_on(project):
    code, records, _ = lint("does_not_exist.py", "good.py")
    assert only(records, "does_not_exist.py")[0] == "INI900"
    assert_good_reported(records)


def test_bad_bytes_on_standard_input_are_ini900(project):
    code, records, _ = lint("-", "good.py", extra=("--stdin-filename", "piped.py"), input=b"import tensorflow\x00\n")
    assert only(records, "piped.py")[0] == "INI900"
    assert_good_reported(records)


def test_explain_json_survives_every_bad_file(project):
    (project / "bad.py").write_text("import tensorflow as tf\ndef broken(:\n", encoding="utf-8")
    (project / "latin.py").write_bytes(b"import tensorflow as tf\n# caf\xe9\n")
    (project / "nul.py").write_bytes(b"import tensorflow\x00\n")
    (project / "deep.py").write_text(HEADER + DEEP["parentheses"](5_000), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "initlint", "explain", "--format", "json", "--isolated",
                           "--no-cache", "bad.py", "latin.py", "nul.py", "deep.py", "good.py"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    weights = json.loads(done.stdout)["weights"]
    assert [(w["path"], w["line"]) for w in weights] == [("good.py", 3)]


def test_every_bad_input_in_one_run(project):
    """All of the above together, in the default (parallel) mode: one result per file, none lost."""
    (project / "bad.py").write_text(HEADER + "def broken(:\n" + RISKY_LINE, encoding="utf-8")
    (project / "latin.py").write_bytes(HEADER.encode() + b"# caf\xe9\n")
    (project / "nul.py").write_bytes(HEADER.encode() + b"\x00\n")
    (project / "bom.py").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (project / "crlf.py").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (project / "empty.py").write_bytes(b"")
    for kind in ("parentheses", "call_chain", "attribute_chain", "binary_chain"):
        (project / f"deep_{kind}.py").write_text(HEADER + DEEP[kind](5_000) + RISKY_LINE, encoding="utf-8")
    (project / "dir.py").mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "initlint", "--isolated", "--no-cache", "--format", "json", "."],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 1, done.stderr
    codes = {}
    for record in json.loads(done.stdout):
        codes.setdefault(record["filename"], []).append((record["code"], record["location"]["row"]))
    assert codes == {
        "bad.py": [("INI901", 3)], "latin.py": [("INI900", 3)], "nul.py": [("INI900", 3)],
        "bom.py": [("INI301", 3)], "crlf.py": [("INI301", 3)], "good.py": [("INI301", 3)],
        "deep_attribute_chain.py": [("INI901", 3)], "deep_binary_chain.py": [("INI901", 3)],
        "deep_call_chain.py": [("INI901", 3)], "deep_parentheses.py": [("INI901", 3)],
    }
