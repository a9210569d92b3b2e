"""Where things are in one file's source: nodes by span, the module aliases it imports, its style.

The analysis reports spans (1-based lines, 1-based code-point columns, end exclusive, the same
positions libcst's PositionProvider gives); the fixer reads the text's libcst tree (the analysis's, or a new parse) and
finds the node written at a span, so that every edit it makes replaces exactly one node (or
inserts at a node's edge) and leaves every other byte of the file as it was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import dataclasses

import libcst as cst

from initlint.analysis.project import parse_text
from initlint.analysis.tree import child_nodes, is_node
from initlint.model import Span

_NEWLINE = re.compile(r"\r\n|\r|\n")

# Module paths initlint cares about, as a local name may be bound to them.
TF_MODULES = ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2")
KERAS_PACKAGES = ("tensorflow.keras", "tensorflow.compat.v1.keras", "tensorflow.compat.v2.keras",
                  "tensorflow.python.keras", "keras", "tf_keras")
KERAS_INITIALIZERS = tuple(f"{package}.initializers" for package in KERAS_PACKAGES)
SLIM_NATIVE = ("tf_slim",)
SLIM_CONTRIB = ("tensorflow.contrib.slim", "tensorflow.contrib.layers")


def dotted(node: cst.CSTNode) -> str | None:
    """`tf.keras.layers.Dense` for an Attribute chain of Names, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def last_name(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return None


@dataclass
class SourceIndex:
    """One parse of the file, indexed for the fixer."""

    source: str
    module: cst.Module
    newline: str
    quote: str
    line_starts: list[int]
    lines: list[str]  # without their line endings
    by_span: dict[tuple[int, int, int, int], list[cst.CSTNode]] = field(default_factory=dict)
    spans: dict[int, Span] = field(default_factory=dict)  # id(node) -> span
    withs: list[cst.With] = field(default_factory=list)
    functions: list[tuple[Span, frozenset[str]]] = field(default_factory=list)  # def / lambda: span, params
    aliases: dict[str, str] = field(default_factory=dict)  # local name -> module path (top level)
    bound: set[str] = field(default_factory=set)  # every name the file binds or reads
    import_lines: list[int] = field(default_factory=list)  # last line of each top-level import
    body_start: int = 1  # first line after the docstring and __future__ imports

    # ---- positions --------------------------------------------------------------------------
    def span_of(self, node: cst.CSTNode) -> Span | None:
        return self.spans.get(id(node))

    def nodes_at(self, span: Span) -> list[cst.CSTNode]:
        return self.by_span.get((span.line, span.column, span.end_line, span.end_column), [])

    def call_at(self, span: Span) -> cst.Call | None:
        """The call expression written exactly at `span` (the outermost one, if several coincide)."""
        for node in self.nodes_at(span):
            if isinstance(node, cst.Call):
                return node
        return None

    def expression_at(self, span: Span) -> cst.BaseExpression | None:
        found = self.nodes_at(span)
        return found[0] if found else None  # type: ignore[return-value]

    def offset(self, line: int, column: int) -> int:
        """Code-point offset of a 1-based (line, column); a column past the end clamps to the line end."""
        if line > len(self.line_starts):
            return len(self.source)
        start = self.line_starts[line - 1]
        return start + min(column - 1, len(self.lines[line - 1]))

    def text(self, span: Span) -> str:
        return self.source[self.offset(span.line, span.column):self.offset(span.end_line, span.end_column)]

    def line_end(self, line: int) -> int:
        """1-based column just past the last character of `line` (before its line ending)."""
        return len(self.lines[line - 1]) + 1

    def code(self, node: cst.CSTNode) -> str:
        span = self.span_of(node)
        return self.text(span) if span is not None else self.module.code_for_node(node)

    def parameterized(self, span: Span) -> bool:
        """The expression at `span` reads a parameter of a function or lambda it is written in."""
        names = {n.value for node in self.nodes_at(span) for n in _names(node)}
        for outer, params in self.functions:
            if (outer.line, outer.column) <= (span.line, span.column) and \
                    (span.end_line, span.end_column) <= (outer.end_line, outer.end_column) and names & params:
                return True
        return False

    def with_at(self, line: int) -> list[cst.With]:
        return [w for w in self.withs if (s := self.span_of(w)) is not None and s.line == line]

    def contains(self, outer: cst.CSTNode, inner: Span) -> bool:
        span = self.span_of(outer)
        if span is None:
            return False
        return (span.line, span.column) <= (inner.line, inner.column) and \
            (inner.end_line, inner.end_column) <= (span.end_line, span.end_column)

    # ---- names ------------------------------------------------------------------------------
    def names_for(self, modules: tuple[str, ...]) -> list[str]:
        return sorted((name for name, path in self.aliases.items() if path in modules),
                      key=lambda name: (name not in ("tf", "keras", "slim", "initializers"), len(name), name))

    def uses(self, prefix: str) -> bool:
        """Whether the text spells `prefix` anywhere (e.g. `tf.compat.v1.`)."""
        return re.search(r"(?<![\w.])" + re.escape(prefix), self.source) is not None


def _names(node: cst.CSTNode) -> list[cst.Name]:
    """The Names an expression reads (not attribute names after a dot, nor keyword names)."""
    found: list[cst.Name] = []

    def walk(current: cst.CSTNode) -> None:
        if isinstance(current, cst.Name):
            found.append(current)
            return
        if isinstance(current, cst.Attribute):
            walk(current.value)
            return
        if isinstance(current, cst.Arg):
            walk(current.value)
            return
        if isinstance(current, (cst.Import, cst.ImportFrom)):
            return  # the names an import binds are in SourceIndex.aliases
        for child in child_nodes(current):
            walk(child)

    walk(node)
    return found


_KINDS: dict[type, tuple[bool, bool, tuple[str, ...]]] = {}  # type -> (expression, spanned, node fields)


def _kind(kind: type) -> tuple[bool, bool, tuple[str, ...]]:
    """Per node class, computed once: isinstance against libcst's ABCs costs more than the walk."""
    found = _KINDS.get(kind)
    if found is None:
        expression = issubclass(kind, cst.BaseExpression)
        spanned = expression or issubclass(kind, (cst.With, cst.FunctionDef))
        found = _KINDS[kind] = (expression, spanned, tuple(f.name for f in dataclasses.fields(kind)))
    return found


def _walk(module: cst.Module, index: SourceIndex, where) -> tuple[int, int]:  # noqa: ANN001
    """One pre-order pass over the tree (parents before children), by dataclass fields: spans of
    expressions, `with` statements, functions and lambdas (with their parameters), the names the
    file binds or reads (not attribute names after a dot, keyword names, or what imports bind:
    those are in `aliases`), and the quotes its strings use. Returns the (single, double) counts."""
    single = double = 0
    bound = index.bound
    stack: list[tuple[cst.CSTNode, bool]] = [(module, True)]
    while stack:
        node, counts = stack.pop()
        kind = type(node)
        expression, spanned, fields = _kind(kind)
        if spanned:
            code_range = where.get(node)
            if code_range is not None:
                span = Span(code_range.start.line, code_range.start.column + 1, code_range.end.line,
                            code_range.end.column + 1)
                index.spans[id(node)] = span
                if expression:
                    index.by_span.setdefault((span.line, span.column, span.end_line, span.end_column),
                                             []).append(node)
                if kind is cst.FunctionDef or kind is cst.Lambda:
                    params = node.params  # type: ignore[attr-defined]
                    names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
                    for star in (params.star_arg, params.star_kwarg):
                        if isinstance(star, cst.Param):
                            names.append(star.name.value)
                    index.functions.append((span, frozenset(names)))
        if kind is cst.Name:
            if counts:
                bound.add(node.value)  # type: ignore[attr-defined]
            continue
        if kind is cst.With:
            index.withs.append(node)  # type: ignore[arg-type]
        elif kind is cst.SimpleString:
            quote = node.quote  # type: ignore[attr-defined]
            if quote == "'":
                single += 1
            elif quote == '"':
                double += 1
            continue
        inner = counts and kind not in (cst.Import, cst.ImportFrom)
        children: list[tuple[cst.CSTNode, bool]] = []
        for name in fields:
            value = getattr(node, name)
            if isinstance(value, (list, tuple)):
                children.extend((v, inner) for v in value if is_node(v))
            elif is_node(value):
                own = inner and not ((kind is cst.Attribute and name == "attr") or (kind is cst.Arg and name == "keyword"))
                children.append((value, own))
        stack.extend(reversed(children))
    return single, double


def _collect_imports(index: SourceIndex, wrapper_positions) -> None:  # noqa: ANN001
    module = index.module
    docstring_done = False
    body_start = 1
    for statement in module.body:
        code_range = wrapper_positions.get(statement)
        end_line = code_range.end.line if code_range is not None else None
        small = statement.body if isinstance(statement, cst.SimpleStatementLine) else []
        is_import = bool(small) and all(isinstance(s, (cst.Import, cst.ImportFrom)) for s in small)
        if not docstring_done:
            if (isinstance(statement, cst.SimpleStatementLine) and len(small) == 1
                    and isinstance(small[0], cst.Expr) and isinstance(small[0].value, (cst.SimpleString,
                                                                                        cst.ConcatenatedString))):
                docstring_done = True
                body_start = (end_line or 0) + 1
                continue
            docstring_done = True
        if is_import:
            if all(isinstance(s, cst.ImportFrom) and dotted(s.module or cst.Name("")) == "__future__" for s in small):
                body_start = (end_line or 0) + 1
            if end_line is not None:
                index.import_lines.append(end_line)
        for item in _top_level_small(statement):
            _bind_import(index, item)
    index.body_start = body_start


def _top_level_small(statement: cst.CSTNode):  # noqa: ANN202
    """Small statements at module level, including those inside top-level try/if blocks."""
    if isinstance(statement, cst.SimpleStatementLine):
        yield from statement.body
    elif isinstance(statement, (cst.Try, cst.If)):
        blocks = [statement.body]
        if isinstance(statement, cst.Try):
            blocks += [handler.body for handler in statement.handlers]
        for block in blocks:
            for inner in getattr(block, "body", ()):
                yield from _top_level_small(inner)


def _bind_import(index: SourceIndex, item: cst.CSTNode) -> None:
    aliases = index.aliases
    if isinstance(item, cst.Import):
        for alias in item.names:
            path = dotted(alias.name)
            if path is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                aliases[alias.asname.name.value] = path
            else:
                head = path.split(".")[0]
                aliases.setdefault(head, head)
    elif isinstance(item, cst.ImportFrom) and item.module is not None and not item.relative:
        base = dotted(item.module)
        if base is None or isinstance(item.names, cst.ImportStar):
            return
        for alias in item.names:
            name = dotted(alias.name)
            if name is None:
                continue
            local = alias.asname.name.value if alias.asname is not None and isinstance(
                alias.asname.name, cst.Name) else name
            aliases[local] = f"{base}.{name}"
    elif isinstance(item, cst.Assign) and len(item.targets) == 1 and isinstance(item.targets[0].target, cst.Name):
        # slim = tf.contrib.slim; keras = tf.keras
        path = dotted(item.value)
        if path is None:
            return
        head, _, rest = path.partition(".")
        if head in aliases and rest:
            aliases[item.targets[0].target.value] = f"{aliases[head]}.{rest}"


def index_source(source: str) -> SourceIndex:
    """Parse and index `source`. Raises libcst.ParserSyntaxError if it does not parse."""
    module, where = parse_text(source)  # the tree the analysis just made, when the cache still has it
    starts = [0]
    lines: list[str] = []
    position = 0
    for match in _NEWLINE.finditer(source):
        lines.append(source[position:match.start()])
        position = match.end()
        starts.append(position)
    lines.append(source[position:])
    newline = "\r\n" if "\r\n" in source else ("\r" if "\r" in source and "\n" not in source else "\n")
    index = SourceIndex(source=source, module=module, newline=newline, quote='"', line_starts=starts, lines=lines)
    single, double = _walk(module, index, where)
    index.quote = "'" if single > double else '"'
    _collect_imports(index, where)
    return index
