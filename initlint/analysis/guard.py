"""Guards that keep one pathological file from crashing or stalling the run.

libcst's native parser overflows the C stack (a segmentation fault, which nothing can catch) on a
few thousand nested brackets, and takes time that grows faster than the square of the length of a
long chain of operations (`a.b.c...`, `f()()()...`, `1 + 1 + ...`). The interpreter and libcst's
visitors recurse once per nesting level. So before a parse, `parse_obstacle` scans the text without
parsing it and names what would go wrong; and `run_deep` runs the parse and the analysis in a thread
with a large stack and a raised recursion limit, so that deep but valid code is analysed rather
than refused.
"""
from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

# CPython's own tokenizer refuses more than 200 nested brackets ("too many nested parentheses").
MAX_BRACKET_DEPTH = 200
# Operations chained in one expression (an upper estimate of the expression tree's depth). CPython
# refuses about 3000 (the compiler's recursion limit); real model code stays far below 100.
MAX_CHAIN = 1000
# Files larger than this are not analysed: libcst needs about 0.1 ms per token, and real model
# files stay under 300 kB and 50 000 tokens.
MAX_SOURCE_CHARS = 2_000_000
MAX_TOKENS = 200_000

_TOKEN = re.compile(r"""
    (?P<string>(?:[rRbBuUfF]{1,2})?(?:'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
                                      |\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)
                                      |'(?:[^'\\\n]|\\.)*(?:'|$)
                                      |"(?:[^"\\\n]|\\.)*(?:"|$)))
  | (?P<comment>\#[^\n]*)
  | (?P<continuation>\\\r?\n)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<newline>\r\n|\r|\n)
  | (?P<separator>[,;]|=(?!=))
  | (?P<op>\*\*=?|//=?|>>=?|<<=?|->|:=|[-+*/%@&|^~<>!=]=?|\.(?![0-9]))
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d[\w.]*(?:[eE][-+]\d+)?)
""", re.VERBOSE | re.MULTILINE | re.DOTALL)

_CHAIN_WORDS = frozenset({"and", "or", "not", "if", "else", "lambda", "await", "in", "is"})


def parse_obstacle(source: str) -> tuple[str, int, str] | None:
    """(code, line, message) if the text is too large (INI900) or nests too deeply (INI901) to
    parse safely, else None.

    The scan reads tokens with a regular expression (strings and comments are skipped) and keeps,
    per open bracket, how many operations the current expression has chained (a `,` or `=` starts
    a new expression; a `lambda` stays until its bracket closes); the sum over the open brackets
    bounds the depth of the expression tree libcst would build. An `elif` nests its branch in the
    previous one, so the `elif`s of one chain count too."""
    if len(source) > MAX_SOURCE_CHARS:
        return "INI900", 1, (f"the file is too large to analyse ({len(source) / 1e6:.1f} MB; "
                             f"initlint analyses files up to {MAX_SOURCE_CHARS / 1e6:.0f} MB)")
    line = 1
    chains = [0]  # operations chained in the current expression, per open bracket
    lambdas = [0]  # lambdas open in the current bracket
    total = 0  # sum(chains) + sum(lambdas)
    previous = ""  # kind of the previous significant token ("" at the start of a statement)
    line_start = 0  # offset where the current physical line starts
    elifs: dict[int, int] = {}  # indentation -> elifs in the chain at that indentation
    too_deep = (f"the expression is too deeply nested to analyse (more than {MAX_CHAIN} chained "
                "operations)")
    for tokens, match in enumerate(_TOKEN.finditer(source)):
        if tokens > MAX_TOKENS:
            return "INI900", line, (f"the file is too large to analyse (more than {MAX_TOKENS} tokens; "
                                    f"initlint analyses files up to {MAX_TOKENS} tokens)")
        kind = match.lastgroup
        if kind == "newline" or kind == "continuation" or (kind == "separator" and match.group() == ";"
                                                             and len(chains) == 1):
            if kind != "separator":
                line += 1
                line_start = match.end()
            if kind != "continuation" and len(chains) == 1:  # the end of a statement
                chains[0] = lambdas[0] = total = 0
                previous = ""
            continue
        if kind == "comment":
            continue
        if previous == "" and kind == "word" and len(chains) == 1:  # the first word of a statement
            indent = match.start() - line_start
            word = match.group()
            if word == "elif":
                elifs[indent] = elifs.get(indent, 0) + 1
                if elifs[indent] > MAX_CHAIN:
                    return "INI901", line, f"too many `elif` branches in one chain (more than {MAX_CHAIN})"
            elif word != "else":
                for deeper in [key for key in elifs if key >= indent]:
                    del elifs[deeper]
        if kind == "string":
            text = match.group()
            if previous == "string":  # implicit concatenation nests
                chains[-1] += 1
                total += 1
            newlines = text.count("\n") + (text.count("\r") - text.count("\r\n"))
            if newlines:
                line += newlines
                line_start = match.start() + max(text.rfind("\n"), text.rfind("\r")) + 1
        elif kind == "open":
            if previous in ("word", "close", "string"):  # a call or a subscript extends the chain
                chains[-1] += 1
                total += 1
            chains.append(0)
            lambdas.append(0)
            if len(chains) - 1 > MAX_BRACKET_DEPTH:
                return "INI901", line, (f"too many nested parentheses (more than {MAX_BRACKET_DEPTH} levels, "
                                        "which Python refuses too)")
        elif kind == "close":
            if len(chains) > 1:
                total -= chains.pop() + lambdas.pop()
        elif kind == "separator":
            total -= chains[-1]
            chains[-1] = 0
        elif kind == "word" and match.group() == "lambda":
            lambdas[-1] += 1
            total += 1
            kind = "op"
        elif kind == "op" or (kind == "word" and match.group() in _CHAIN_WORDS):
            chains[-1] += 1
            total += 1
            kind = "op"
        if total > MAX_CHAIN:
            return "INI901", line, too_deep
        previous = kind
    return None


T = TypeVar("T")

STACK_BYTES = 512 * 1024 * 1024  # virtual; only the pages a deep recursion touches are used
RECURSION_LIMIT = 60_000
_local = threading.local()
_limit_lock = threading.Lock()


def run_deep(function: Callable[..., T], *args: object) -> T:
    """function(*args) in a thread with a large stack and a raised recursion limit; its result or
    its exception is passed on. Nested calls run in the same thread."""
    if getattr(_local, "deep", False):
        return function(*args)
    outcome: dict[str, object] = {}

    def target() -> None:
        _local.deep = True
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # passed on to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=target, name="initlint-analysis", daemon=True)
    with _limit_lock:
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
        try:
            old_size = threading.stack_size(STACK_BYTES)  # read when the thread starts
            try:
                worker.start()
            finally:
                threading.stack_size(old_size)
            worker.join()
        finally:
            sys.setrecursionlimit(old_limit)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
