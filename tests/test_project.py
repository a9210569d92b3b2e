"""Whole-project resolution across files: imports of project modules, caller contexts, the cache."""
from __future__ import annotations

import shutil
from pathlib import Path

from initlint.engine import analyze_path
from initlint.settings import Settings

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures" / "projects"


def test_callee_module_reports_every_context_that_reaches_it() -> None:
    path = PROJECTS / "slim_resnet" / "nets" / "resnet_v1.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert len(kernels) == 6
    for weight in kernels:
        assert weight.initializer.name == "glorot_uniform" and not weight.certain
        contexts = weight.facts["contexts"]
        assert [(Path(c["path"]).name, c["line"], c["initializer"], c["source"]) for c in contexts] == [
            ("train.py", 12, "variance_scaling", "arg_scope")]
        assert "glorot_uniform when called bare; variance_scaling via arg scope from" in weight.initializer.reason
    assert str((PROJECTS / "slim_resnet" / "train.py").resolve()) in result.dependencies


def test_caller_resolves_through_the_other_modules() -> None:
    path = PROJECTS / "slim_resnet" / "train.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert {w.initializer.source for w in kernels} == {"arg_scope"}
    assert all(w.certain for w in kernels)
    assert {Path(w.path).name for w in kernels} == {"resnet_v1.py"}
    assert {w.anchor.line for w in kernels} == {12}
    assert [Path(site.path).name for site in kernels[0].call_stack][:1] == ["train.py"]


def test_contexts_are_not_followed_without_callers(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(PROJECTS / "slim_resnet", project)
    (project / "train.py").unlink()
    path = project / "nets" / "resnet_v1.py"
    result = analyze_path(path, Settings(), str(path))
    assert all("contexts" not in w.facts for w in result.weights)
    assert result.dependencies == ()


def test_base_class_initializer_reaches_subclass_layers() -> None:
    path = PROJECTS / "base_class_scope" / "model.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert [(w.initializer.name, w.initializer.params.get("gain"), w.initializer.source) for w in kernels] == [
        ("orthogonal", 1.5, "variable_scope")] * 3
