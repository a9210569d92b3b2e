"""File discovery: recursion, default excludes, .gitignore, --exclude / --extend-exclude, force-exclude."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from initlint.discovery import GitIgnore, discover, glob_regex, is_force_excluded
from initlint.settings import Settings


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")


def shown(paths, settings: Settings | None = None) -> list[str]:
    return [item for _, item in discover(paths, settings or Settings())]


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    touch(tmp_path, "b.py", "a.py", "notes.txt", "stub.pyi", "pkg/__init__.py", "pkg/z.py", "pkg/sub/m.py",
          ".venv/lib/x.py", "venv/y.py", "build/gen.py", "dist/d.py", "node_modules/n.py",
          "lib/site-packages/s.py", ".git/hooks/h.py", "__pycache__/c.py", ".initlint_cache/k.py",
          ".hidden/h.py")
    return tmp_path


def test_recursion_default_excludes_and_sorting(tree):
    assert shown(["."]) == [".hidden/h.py", "a.py", "b.py", "pkg/__init__.py", "pkg/sub/m.py", "pkg/z.py"]
    assert shown([]) == shown(["."])


def test_paths_shown_relative_to_the_given_root(tree):
    assert shown(["pkg"]) == ["pkg/__init__.py", "pkg/sub/m.py", "pkg/z.py"]
    assert shown(["pkg/"]) == ["pkg/__init__.py", "pkg/sub/m.py", "pkg/z.py"]
    assert shown(["./pkg/sub"]) == ["pkg/sub/m.py"]
    absolute = str(tree / "pkg" / "sub")
    assert shown([absolute]) == [os.path.join(absolute, "m.py")]


def test_explicit_files_are_always_linted_and_deduplicated(tree):
    assert shown(["build/gen.py", "notes.txt", "pkg/z.py", "pkg"]) == [
        "build/gen.py", "notes.txt", "pkg/__init__.py", "pkg/sub/m.py", "pkg/z.py"]
    # a file that does not exist is passed on, for the engine to report as unreadable
    assert shown(["missing.py"]) == ["missing.py"]


def test_force_exclude_applies_excludes_to_explicit_files(tree):
    settings = Settings(force_exclude=True, extend_exclude=("pkg/sub",), project_root=str(tree))
    assert shown(["build/gen.py", ".venv/lib/x.py", "pkg/sub/m.py", "pkg/z.py"], settings) == ["pkg/z.py"]
    assert is_force_excluded("build/gen.py", settings)
    assert not is_force_excluded("a.py", settings)
    assert shown(["build"], settings) == []


def test_exclude_replaces_defaults_and_extend_exclude_adds(tree):
    assert "build/gen.py" in shown(["."], Settings(exclude=(".git",), respect_gitignore=False))
    assert shown(["."], Settings(extend_exclude=("pkg/sub", "b.py", ".hidden"), project_root=str(tree))) == [
        "a.py", "pkg/__init__.py", "pkg/z.py"]
    assert shown(["."], Settings(extend_exclude=("*.py",))) == []
    assert shown(["."], Settings(extend_exclude=("pkg/**/*.py", ".hidden"), project_root=str(tree))) == [
        "a.py", "b.py"]


def test_gitignore_is_respected(tree):
    (tree / ".gitignore").write_text("# generated\n/b.py\nsub/\n*.tmp.py\n!keep.tmp.py\n")
    touch(tree, "x.tmp.py", "keep.tmp.py", "pkg/b.py")
    (tree / "pkg" / ".gitignore").write_text("z.py\n")
    files = shown(["."])
    assert files == [".hidden/h.py", "a.py", "keep.tmp.py", "pkg/__init__.py", "pkg/b.py"]
    assert shown(["."], Settings(respect_gitignore=False)) == [
        ".hidden/h.py", "a.py", "b.py", "keep.tmp.py", "pkg/__init__.py", "pkg/b.py", "pkg/sub/m.py",
        "pkg/z.py", "x.tmp.py"]
    # explicitly named files are linted even when git-ignored
    assert shown(["b.py"]) == ["b.py"]


def test_gitignore_above_the_walked_folder_applies_inside_a_repository(tree):
    (tree / ".git").mkdir(exist_ok=True)
    (tree / ".gitignore").write_text("m.py\n")
    (tree / ".git" / "info").mkdir()
    (tree / ".git" / "info" / "exclude").write_text("z.py\n")
    assert shown(["pkg"]) == ["pkg/__init__.py"]


@pytest.mark.parametrize("pattern, path, match", [
    ("*.py", "a.py", True), ("*.py", "d/a.py", False), ("**/*.py", "d/e/a.py", True),
    ("**/*.py", "a.py", True), ("d/**", "d/e/a.py", True), ("d/**/a.py", "d/a.py", True),
    ("a?.py", "ab.py", True), ("a?.py", "a/.py", False), ("[ab].py", "b.py", True), ("[!ab].py", "b.py", False),
])
def test_glob(pattern, path, match):
    assert (glob_regex(pattern).match(path) is not None) is match


def test_gitignore_parsing(tmp_path):
    ignore = GitIgnore.parse("\\#hash.py\n\\!bang.py\ntrailing.py\\ \nlogs/\n/root.py\na/**/deep.py\n", tmp_path)
    assert ignore.verdict(tmp_path / "#hash.py", False)
    assert ignore.verdict(tmp_path / "!bang.py", False)
    assert ignore.verdict(tmp_path / "trailing.py ", False)
    assert ignore.verdict(tmp_path / "x" / "logs", True)
    assert ignore.verdict(tmp_path / "x" / "logs", False) is None  # `logs/` only matches folders
    assert ignore.verdict(tmp_path / "root.py", False)
    assert ignore.verdict(tmp_path / "x" / "root.py", False) is None
    assert ignore.verdict(tmp_path / "a" / "b" / "c" / "deep.py", False)
