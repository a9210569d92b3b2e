"""INI9xx: files initlint could not read, parse or analyse. Reported by the engine, not by a check."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules.base import Rule


def _reported_by_engine(analysis: object, settings: object) -> Iterator[Diagnostic]:
    return iter(())


RULES = (
    Rule(
        code="INI900", name="unreadable-file", severity="error",
        summary="The file cannot be read or decoded as UTF-8 Python source.",
        doc="""## What it does
Reports a file initlint could not read: permission denied, a broken symlink, bytes that are not
UTF-8, NUL bytes.

## Why is this bad?
A file that is not read is not linted; the rest of the run goes on.

## Example
A Latin-1 encoded model file.

Use instead: save the file as UTF-8, or exclude it.
""",
        check=_reported_by_engine,
    ),
    Rule(
        code="INI901", name="syntax-error", severity="error",
        summary="The file is not valid Python 3 and cannot be parsed.",
        doc="""## What it does
Reports a file that libcst cannot parse (Python 2 code, a syntax error), with the line.

## Why is this bad?
initlint cannot see the weights of a file it cannot parse; the rest of the run goes on.

## Example
```python
print "loss", loss
```

Use instead:
```python
print("loss", loss)
```
""",
        check=_reported_by_engine,
    ),
    Rule(
        code="INI902", name="internal-error", severity="error",
        summary="initlint failed while analysing this file (a bug in initlint).",
        doc="""## What it does
Reports an unexpected failure inside initlint's analysis of one file. The other files are
still linted and the run exits with code 2. `--verbose` shows the traceback.

## Why is this bad?
It is initlint's bug, not yours: please report it with the file that triggers it.

## Example
Any file that triggers a bug.

Use instead: report the bug; exclude the file meanwhile.
""",
        check=_reported_by_engine,
    ),
)
