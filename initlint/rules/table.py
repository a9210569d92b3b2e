"""Print the README's rule table from the registry (`python -m initlint.rules.table`)."""
from __future__ import annotations

from initlint.rules import RULES


def markdown_table() -> str:
    lines = ["| code | name | severity | what it reports |", "|---|---|---|---|"]
    lines += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
