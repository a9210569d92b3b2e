"""Source positions of libcst nodes, cheaper than `MetadataWrapper(...).resolve(PositionProvider)`.

libcst's PositionProvider costs about twice the parse itself (measured on the corpus, see
README "Performance"): MetadataWrapper walks the whole tree with a batched visitor before
resolving anything, the codegen state splits every token with a regular expression to keep a
running (line, column), every node gets a CodeRange of two CodePositions, and each of the 60-odd
node types that override their range goes through a generator-based context manager.

`positions(module)` runs the same libcst codegen (so the same rules decide where each node starts
and ends, including `record_syntactic_position`), but keeps only a character offset per node
(two ints) and turns offsets into libcst CodeRanges only for the nodes someone asks about. The
result is equal to PositionProvider's for every node (tests/test_positions.py checks every
node of every fixture, and generated variants with CRLF, lone CR, tabs, non-ASCII text and no
trailing newline).

Whitespace and comment nodes (`skipped_types()`: more than half the nodes of a module) get no
range: nothing initlint reports starts or ends at one, and their ranges took more memory than the
rest of the table.

The mapping answers `get(node)`, `node in positions` and `positions[node]`, which is all that
`Interpreter.locate` and the fixer use.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # libcst itself is loaded by whoever parsed the module
    import libcst as cst
    from libcst.metadata import CodeRange

# the same newline spelling libcst.metadata.position_provider counts
_NEWLINE = re.compile(r"\r\n?|\n")
# a node's (start, end) character offsets packed in one int (a dict of 2-tuples took twice the memory)
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


class _Recorder:
    """Offset-only stand-in for libcst's (private) CodegenState: nodes call these methods."""

    __slots__ = ("default_indent", "default_newline", "indent_tokens", "tokens", "offset", "stack",
                 "ranges", "popped", "provider", "skipped")

    def __init__(self, default_indent: str, default_newline: str, skipped: frozenset[type] = frozenset()) -> None:
        self.skipped = skipped
        self.default_indent = default_indent
        self.default_newline = default_newline
        self.indent_tokens: list[str] = []
        self.tokens: list[str] = []
        self.offset = 0
        self.stack: list[int] = []
        self.ranges: dict[int, int] = {}  # id(node) (CSTNode.__hash__ is a Python call): start << 32 | end
        self.popped: list[str] = []
        self.provider = None

    def increase_indent(self, value: str) -> None:
        self.indent_tokens.append(value)

    def decrease_indent(self) -> None:
        self.indent_tokens.pop()

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.tokens.append(token)
            self.offset += len(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        self.offset += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.stack.append(self.offset)

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.stack.pop()
        if type(node) in self.skipped:
            return
        # a syntactic position recorded inside the node wins, as in libcst
        self.ranges.setdefault(id(node), start << _SHIFT | self.offset)

    def pop_trailing_newline(self) -> None:
        # libcst drops the token but leaves its running position where it was: do the same
        if self.tokens:
            self.popped.append(self.tokens.pop())

    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> "_Syntactic":
        return _Syntactic(self, node, start_node, end_node)


class _Syntactic:
    """A plain context manager (libcst uses @contextmanager, a generator per node)."""

    __slots__ = ("recorder", "node", "start_node", "end_node", "start")

    def __init__(self, recorder: _Recorder, node: cst.CSTNode, start_node: cst.CSTNode | None,
                 end_node: cst.CSTNode | None) -> None:
        self.recorder = recorder
        self.node = node
        self.start_node = start_node
        self.end_node = end_node
        self.start = recorder.offset

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        recorder = self.recorder
        ranges = recorder.ranges
        start = ranges[id(self.start_node)] >> _SHIFT if self.start_node is not None else self.start
        end = ranges[id(self.end_node)] & _MASK if self.end_node is not None else recorder.offset
        ranges[id(self.node)] = start << _SHIFT | end


class Positions:
    """node -> libcst CodeRange (1-based lines, 0-based columns).

    Nothing is computed until the first question: a file whose analysis never asks for a
    position never pays for the codegen. Ranges are kept as offsets and become CodeRanges only
    for the nodes asked about."""

    __slots__ = ("_module", "_ranges", "_line_starts", "_made")

    def __init__(self, module: cst.Module) -> None:
        self._module = module  # keeps every node alive, so that ids stay unique
        self._ranges: dict[int, int] | None = None  # start << _SHIFT | end: one int, not a tuple of two
        self._line_starts: list[int] = []
        self._made: dict[int, CodeRange] = {}

    def _resolve(self) -> dict[int, int]:
        if self._ranges is None:
            module = self._module
            recorder = _Recorder(module.default_indent, module.default_newline, skipped_types())
            _codegen(module, recorder)
            self._line_starts = _line_starts(recorder.tokens + recorder.popped[::-1])
            self._ranges = recorder.ranges
        return self._ranges

    def _position(self, offset: int) -> Any:
        from libcst.metadata import CodePosition

        line = bisect_right(self._line_starts, offset)
        return CodePosition(line, offset - self._line_starts[line - 1])

    def get(self, node: cst.CSTNode, default: Any = None) -> Any:
        key = id(node)
        made = self._made.get(key)
        if made is not None:
            return made
        found = self._resolve().get(key)
        if found is None:
            return default
        from libcst.metadata import CodeRange

        made = self._made[key] = CodeRange(self._position(found >> _SHIFT), self._position(found & _MASK))
        return made

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        found = self.get(node)
        if found is None:
            raise KeyError(node)
        return found

    def __contains__(self, node: object) -> bool:
        # (a node walk answering membership alone was tried: on the corpus nearly every module
        # asked about later needs its ranges too, so the walk only added its cost)
        return id(node) in self._resolve()

    def __len__(self) -> int:
        return len(self._resolve())


def _codegen(module: cst.Module, recorder: _Recorder) -> None:
    """The codegen PositionProvider runs, with two of libcst's methods swapped for leaner ones
    while it runs (a third of the codegen's time): each node's `_codegen`, which called the
    state's before/after hooks, and each expression's `_parenthesize`, a @contextmanager generator.
    Only this thread runs libcst code meanwhile."""
    import libcst as cst
    from libcst._nodes.expression import _BaseParenthesizedNode

    original_parenthesize = _BaseParenthesizedNode.__dict__.get("_parenthesize")
    original_codegen = cst.CSTNode.__dict__.get("_codegen")
    if original_parenthesize is None or original_codegen is None:  # a libcst laid out differently
        module._codegen(recorder)  # noqa: SLF001 - its own codegen, through the recorder's hooks
        return
    _BaseParenthesizedNode._parenthesize = _parenthesize  # noqa: SLF001
    cst.CSTNode._codegen = _node_codegen  # noqa: SLF001
    try:
        module._codegen(recorder)  # noqa: SLF001 - the same codegen PositionProvider runs
    finally:
        _BaseParenthesizedNode._parenthesize = original_parenthesize  # noqa: SLF001
        cst.CSTNode._codegen = original_codegen  # noqa: SLF001


def _node_codegen(node: Any, state: _Recorder, **kwargs: Any) -> None:
    """CSTNode._codegen with the recorder's before_codegen / after_codegen inlined."""
    start = state.offset
    node._codegen_impl(state, **kwargs)  # noqa: SLF001
    if type(node) not in state.skipped:
        state.ranges.setdefault(id(node), start << _SHIFT | state.offset)


def _parenthesize(node: Any, state: _Recorder) -> Any:
    """What libcst's `_BaseParenthesizedNode._parenthesize` does: lpar, the node's syntactic
    position, rpar."""
    if not node.lpar:  # nearly every expression: only its syntactic position is recorded
        return _Syntactic(state, node, None, None)
    return _Parenthesized(node, state)


class _Parenthesized:
    __slots__ = ("node", "state", "syntactic")

    def __init__(self, node: Any, state: _Recorder) -> None:
        self.node = node
        self.state = state

    def __enter__(self) -> None:
        for lpar in self.node.lpar:
            lpar._codegen(self.state)  # noqa: SLF001
        self.syntactic = _Syntactic(self.state, self.node, None, None)  # starts after the parentheses

    def __exit__(self, *exc: object) -> None:
        self.syntactic.__exit__()
        for rpar in self.node.rpar:
            rpar._codegen(self.state)  # noqa: SLF001


_SKIPPED: list[frozenset[type]] = []


def skipped_types() -> frozenset[type]:
    """Node classes given no range (never a syntactic start or end node in libcst's codegen)."""
    if not _SKIPPED:
        import libcst as cst

        _SKIPPED.append(frozenset({cst.SimpleWhitespace, cst.ParenthesizedWhitespace, cst.Newline,
                                   cst.TrailingWhitespace, cst.EmptyLine, cst.Comment}))
    return _SKIPPED[0]


def positions(module: cst.Module) -> Positions:
    """Positions of every node of `module` but whitespace and comments, equal to libcst's
    PositionProvider, computed lazily."""
    return Positions(module)


def _line_starts(tokens: list[str]) -> list[int]:
    """Offsets where lines start, counting newlines token by token as libcst does."""
    text = "".join(tokens)
    if "\r" in text and _crlf_split_across_tokens(tokens):
        starts = [0]
        offset = 0
        for token in tokens:
            for match in _NEWLINE.finditer(token):
                starts.append(offset + match.end())
            offset += len(token)
        return starts
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


def _crlf_split_across_tokens(tokens: list[str]) -> bool:
    """A "\\r" ending one token and a "\\n" starting the next are two newlines to libcst."""
    return any(token.endswith("\r") and following.startswith("\n")
               for token, following in zip(tokens, tokens[1:]))

