"""Walking libcst trees without libcst's visitor machinery.

`node.children` builds a visitor and copies every field through `_visit_and_replace_children`
for each node it is asked about: reading the methods of tensor2tensor's classes that way was 9% of
a profiled run over it (a few percent of an unprofiled one). `child_nodes` reads the dataclass
fields directly, from a per-class table, and leaves out the fields that only hold formatting
(whitespace, commas, brackets, blank lines), which never hold a name, a call or a statement.
"""
from __future__ import annotations

import dataclasses

import libcst as cst

# libcst's formatting-only fields; tests/test_tree.py checks that no node below one of them is
# anything but whitespace, a comment or a punctuation token
_FORMATTING_FIELDS = frozenset({
    "lpar", "rpar", "leading_lines", "lines_after_decorators", "comma", "semicolon", "header", "footer",
    "trailing_whitespace", "leading_whitespace", "lbracket", "rbracket", "lbrace", "rbrace",
})

_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind)
                                      if field.name not in _FORMATTING_FIELDS
                                      and not field.name.startswith("whitespace"))
    return found


_IS_NODE: dict[type, bool] = {}  # isinstance against libcst's ABC is a Python call


def is_node(value: object) -> bool:
    kind = type(value)
    found = _IS_NODE.get(kind)
    if found is None:
        found = _IS_NODE[kind] = issubclass(kind, cst.CSTNode)
    return found


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The node's children that can hold code, in field order (not always source order)."""
    found: list[cst.CSTNode] = []
    for name in _fields(type(node)):
        value = getattr(node, name)
        if type(value) is tuple or type(value) is list:
            found.extend(item for item in value if is_node(item))
        elif is_node(value):
            found.append(value)
    return found
