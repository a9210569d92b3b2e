"""[tool.initlint] configuration, the CLI's overrides, and rule selection with ruff's semantics."""
from __future__ import annotations

from pathlib import Path

import pytest

from initlint import rules as rules_module
from initlint.config import ConfigError, Overrides, build_settings, load_file_config, load_settings, validate
from initlint.model import Diagnostic, FileResult, Span
from initlint.rules.base import Rule
from initlint.selection import Layer, finish, resolve
from initlint.settings import DEFAULT_EXCLUDE, Settings, Thresholds

CODES = ("INI101", "INI102", "INI201", "INI301", "INI302", "INI900", "INI901", "INI902")


@pytest.fixture(autouse=True)
def registry(monkeypatch):
    """A fixed registry, so these tests do not depend on which rules exist today."""
    fake = tuple(Rule(code=code, name=f"rule-{code.lower()}", severity="warning", summary="s", doc="d",
                      check=lambda a, s: iter(())) for code in CODES)
    monkeypatch.setattr(rules_module, "RULES", fake)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- selection


@pytest.mark.parametrize("layers, enabled", [
    ([], CODES),
    ([Layer(select=("INI1",))], ("INI101", "INI102")),
    ([Layer(select=("ALL",), ignore=("INI9",))], ("INI101", "INI102", "INI201", "INI301", "INI302")),
    ([Layer(select=("INI1",), ignore=("INI101",))], ("INI102",)),
    ([Layer(select=("INI101",), ignore=("INI1",))], ("INI101",)),  # the more specific selector wins
    ([Layer(select=("INI101",), ignore=("INI101",))], ()),  # at equal specificity ignore wins
    ([Layer(ignore=("INI",), extend_select=("INI3",))], ("INI301", "INI302")),
    ([Layer(select=("INI2",)), Layer(extend_select=("INI301",))], ("INI201", "INI301")),
    ([Layer(select=("INI2",), extend_select=("INI301",)), Layer(select=("INI1",))], ("INI101", "INI102")),
    ([Layer(ignore=("INI1",)), Layer(ignore=("INI3",))], ("INI201", "INI900", "INI901", "INI902")),
])
def test_resolve(layers, enabled):
    assert resolve(layers) == tuple(sorted(enabled))


def test_finish_applies_selection_per_file_ignores_and_noqa(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = "a\nb  # noqa: INI201\nc\n"

    def d(code, line):
        return Diagnostic(code=code, name="n", severity="warning", message="m", path="tests/t.py",
                          span=Span(line, 1, line, 2))
    result = FileResult(path="tests/t.py", source=source,
                        diagnostics=(d("INI101", 1), d("INI201", 2), d("INI301", 3), d("INI902", 1)))
    settings = Settings(select=("INI1", "INI3", "INI2"), per_file_ignores=(("tests/*.py", ("INI3",)),),
                        project_root=str(tmp_path))
    assert [x.code for x in finish(result, settings).diagnostics] == ["INI101", "INI902"]
    # the basename form of a pattern matches anywhere
    settings = Settings(per_file_ignores=(("t.py", ("INI1",)),), project_root=str(tmp_path))
    assert [x.code for x in finish(result, settings).diagnostics] == ["INI301", "INI902"]
    # INI902 (initlint's own failure) survives even `select = []`
    assert [x.code for x in finish(result, Settings(select=())).diagnostics] == ["INI902"]


# ---------------------------------------------------------------- finding the file


def test_nearest_pyproject_with_a_table_is_used(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.initlint]\nselect = ["INI1"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n')  # no table: skipped
    write(tmp_path / "pkg" / "src" / "m.py", "")
    config = load_file_config(["pkg/src/m.py"], cwd=tmp_path)
    assert config.path == tmp_path / "pyproject.toml"
    assert config.values == {"select": ("INI1",)}


def test_search_starts_at_the_first_path_then_the_cwd(tmp_path):
    write(tmp_path / "a" / "pyproject.toml", '[tool.initlint]\nselect = ["INI2"]\n')
    write(tmp_path / "b" / "pyproject.toml", '[tool.initlint]\nselect = ["INI3"]\n')
    (tmp_path / "a" / "m.py").write_text("")
    assert load_file_config(["../a/m.py"], cwd=tmp_path / "b").path == tmp_path / "a" / "pyproject.toml"
    assert load_file_config(["../a"], cwd=tmp_path / "b").path == tmp_path / "a" / "pyproject.toml"
    assert load_file_config([], cwd=tmp_path / "b").path == tmp_path / "b" / "pyproject.toml"
    assert load_file_config(["-"], stdin_filename="../a/new.py", cwd=tmp_path / "b").path == tmp_path / "a" / "pyproject.toml"


def test_isolated_and_explicit_config(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.initlint]\nselect = ["INI1"]\n')
    assert load_file_config([], isolated=True, cwd=tmp_path).path is None
    write(tmp_path / "conf" / "initlint.toml", 'select = ["INI3"]\n')
    config = load_file_config([], config="conf/initlint.toml", cwd=tmp_path)
    assert config.values == {"select": ("INI3",)} and config.explicit
    with pytest.raises(ConfigError, match="`nope.toml` does not exist"):
        load_file_config([], config="nope.toml", cwd=tmp_path)


def test_settings_from_file_and_cli(tmp_path):
    write(tmp_path / "pyproject.toml", """
[tool.initlint]
select = ["INI1", "INI3"]
ignore = ["INI302"]
extend-exclude = ["generated"]
per-file-ignores = {"tests/*" = ["INI1"]}
dialect = "tf1"
max-unroll = 8

[tool.initlint.thresholds]
explode = 20
vanish = 1e-4
deep-stack = 12
""")
    settings = load_settings([], cwd=tmp_path)
    assert settings.select == ("INI101", "INI102", "INI301")
    assert settings.dialect == "tf1" and settings.max_unroll == 8
    assert settings.thresholds == Thresholds(explode=20.0, vanish=1e-4, deep_stack=12)
    assert settings.exclude == DEFAULT_EXCLUDE and settings.extend_exclude == ("generated",)
    assert settings.per_file_ignores == (("tests/*", ("INI1",)),)
    assert settings.project_root == str(tmp_path)
    overridden = load_settings([], Overrides(dialect="tf2", extend_select=("INI2",), ignore=("INI102",),
                                             thresholds=(("explode", "50"),), exclude=("x",),
                                             extend_exclude=("y",)), cwd=tmp_path)
    assert overridden.select == ("INI101", "INI201", "INI301")
    assert overridden.dialect == "tf2" and overridden.thresholds.explode == 50.0
    assert overridden.thresholds.vanish == 1e-4
    assert overridden.exclude == ("x",) and overridden.extend_exclude == ("generated", "y")
    # a CLI --select starts afresh, as in ruff
    assert load_settings([], Overrides(select=("INI2",)), cwd=tmp_path).select == ("INI201",)


def test_no_config_means_defaults(tmp_path):
    settings = load_settings([], cwd=tmp_path)
    assert settings.select == CODES and settings.dialect == "auto" and settings.thresholds == Thresholds()
    assert settings.project_root == str(tmp_path)


# ---------------------------------------------------------------- bad configuration


@pytest.mark.parametrize("toml, message", [
    ('select = "INI1"', "Invalid value for `select` in .*expected a list of strings, got the string 'INI1'"),
    ('select = ["XYZ999"]', "Unknown rule selector `XYZ999` in `select` in .*pyproject.toml"),
    ('ignore = ["INI4"]', "Unknown rule selector `INI4` in `ignore`"),
    ('per-file-ignores = {"a.py" = ["NOPE1"]}', 'Unknown rule selector `NOPE1` in `per-file-ignores."a.py"`'),
    ('per-file-ignores = ["a.py"]', "expected a table mapping glob patterns"),
    ('dialect = "tf3"', "Invalid value for `dialect`.*expected one of 'auto', 'tf1', 'tf2', got the string 'tf3'"),
    ('colour = true', "Unknown key `colour`"),
    ('extend_select = ["INI1"]', "Unknown key `extend_select`.*did you mean `extend-select`"),
    ('respect-gitignore = "yes"', "expected true or false"),
    ('max-unroll = -1', r"`max-unroll` .*-1 is out of range"),
    ('max-unroll = 1e9', "expected an integer, got the number 1000000000.0"),
    ('max-unroll = 99999999', "99999999 is out of range"),
    ('thresholds = 3', "`thresholds` .*expected a table"),
    ('thresholds = {explode = -5}', r"`thresholds.explode` .*-5 is out of range"),
    ('thresholds = {explode = 1e999}', "expected a finite number, got inf"),
    ('thresholds = {explode = nan}', "expected a finite number, got nan"),
    ('thresholds = {explode = true}', "expected a number, got the boolean true"),
    ('thresholds = {explode = "big"}', "expected a number, got 'big'"),
    ('thresholds = {deep-stack = 2.5}', "expected an integer, got the number 2.5"),
    ('thresholds = {boom = 1}', "Unknown key `thresholds.boom`"),
    ('thresholds = {explode = 50, explode-error = 20}', "`explode-error` \\(20\\) must not be below `explode` \\(50\\)"),
    ('select = [', "Failed to parse .*pyproject.toml"),
])
def test_bad_configuration_is_a_clear_error(tmp_path, toml, message):
    write(tmp_path / "pyproject.toml", f"[tool.initlint]\n{toml}\n")
    with pytest.raises(ConfigError, match=message):
        load_settings([], cwd=tmp_path)


def test_malformed_pyproject_without_table_is_an_error_too(tmp_path):
    write(tmp_path / "pyproject.toml", "[project\nname = 1\n")
    with pytest.raises(ConfigError, match="Failed to parse"):
        load_settings([], cwd=tmp_path)


def test_tool_initlint_must_be_a_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool]\ninitlint = 3\n")
    with pytest.raises(ConfigError, match="`tool.initlint` must be a table"):
        load_settings([], cwd=tmp_path)


@pytest.mark.parametrize("overrides, message", [
    (Overrides(select=("XYZ999",)), "Unknown rule selector `XYZ999` in `select` from the CLI"),
    (Overrides(extend_select=("INI7",)), "Unknown rule selector `INI7` in `extend-select` from the CLI"),
    (Overrides(ignore=("E501",)), "Unknown rule selector `E501` in `ignore` from the CLI"),
    (Overrides(thresholds=(("explode", "-1"),)), r"`--threshold explode` from the CLI: -1.0 is out of range"),
    (Overrides(thresholds=(("explode", "lots"),)), "expected a number, got 'lots'"),
    (Overrides(thresholds=(("nope", "1"),)), "Unknown threshold `nope`"),
])
def test_bad_cli_overrides(tmp_path, overrides, message):
    with pytest.raises(ConfigError, match=message):
        load_settings([], overrides, cwd=tmp_path)


def test_validate_accepts_every_known_key():
    values = validate({"select": ["ALL"], "extend-select": [], "ignore": ["INI9"], "exclude": ["a"],
                       "extend-exclude": ["b"], "per-file-ignores": {"t/*": ["INI1"]}, "dialect": "tf2",
                       "thresholds": {"explode": 10, "explode-error": 1e5, "vanish": 0.001,
                                      "vanish-error": 1e-20, "scale-ratio": 3, "deep-stack": 10},
                       "respect-gitignore": False, "force-exclude": True, "max-unroll": 0,
                       "max-call-depth": 4}, "test")
    settings = build_settings(type("C", (), {"values": values, "path": None, "explicit": False})())
    assert settings.respect_gitignore is False and settings.force_exclude is True
    assert settings.thresholds.explode_error == 1e5 and settings.max_call_depth == 4
