"""Command line: flags -> Settings -> engine -> report -> exit code. The only module that prints or exits."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from initlint import __version__
from initlint.settings import Settings

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
INTERNAL_ERROR = "INI902"


def run(paths: list[tuple[Path, str]], settings: Settings):  # noqa: ANN201 - engine's FileResult list
    """The engine's run, imported on first use so that `--version`, `rule` and `--help` stay fast."""
    from initlint.engine import run as engine_run

    return engine_run(paths, settings)


def fail(message: str) -> NoReturn:
    """ruff's shape for an abnormal end: `initlint failed` / `  Cause: ...` on stderr, exit code 2."""
    click.echo(f"initlint failed\n  Cause: {message}", err=True)
    raise click.exceptions.Exit(EXIT_ERROR)


class DefaultCheckGroup(click.Group):
    """`initlint PATHS` means `initlint check PATHS`, as `ruff check` would be if it were the only verb."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = self._command_first(args)
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def _command_first(self, args: list[str]) -> list[str]:
        """`initlint -q explain f.py`, `initlint --config x.toml explain f.py`: options written before
        the verb are the verb's (they made `explain` a path to lint). Only options and their values
        may come first; `initlint src explain` still lints two paths."""
        valued = {name for command in self.commands.values() for param in command.params
                  if isinstance(param, click.Option) and not param.is_flag and not param.count
                  for name in param.opts}
        index = 0
        while index < len(args) and args[index].startswith("-") and args[index] not in ("--help", "-h", "--version"):
            index += 2 if args[index] in valued else 1
        if 0 < index < len(args) and args[index] in self.commands:
            return [args[index], *args[:index], *args[index + 1:]]
        return args

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C: one line, no traceback, the shell's conventional 128 + SIGINT
            click.echo("initlint: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


def _discover(paths: tuple[str, ...], settings: Settings | None = None) -> list[tuple[Path, str]]:
    from initlint.discovery import discover

    return discover(paths, settings or Settings())


def _split(values: Iterable[str]) -> tuple[str, ...]:
    """`--select INI1,INI2 --select INI3` -> (INI1, INI2, INI3)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _performance_options(command):  # noqa: ANN001, ANN202 - a click decorator
    """-j/--jobs, --no-cache and --cache-dir, shared by `check` and `explain`."""
    command = click.option("--cache-dir", metavar="PATH", envvar="INITLINT_CACHE_DIR", show_envvar=True,
                           help="Where to keep the results cache (default: .initlint_cache in the project root).")(command)
    command = click.option("-n", "--no-cache", is_flag=True, help="Neither read nor write the results cache.")(command)
    return click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, metavar="N",
                        help="Analyse in N processes (default: one per core; 1: no worker processes).")(command)


def _with_performance(settings: Settings, jobs: int | None = None, no_cache: bool = False,
                      cache_dir: str | None = None) -> Settings:
    from dataclasses import replace

    return replace(settings, jobs=jobs or None, cache=not no_cache, cache_dir=cache_dir)


def _use_color(flag: bool | None, to_file: bool) -> bool:
    if to_file:
        return False
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return click.get_text_stream("stdout").isatty()


def _rule_table() -> str:
    from initlint.rules import RULES

    rules = sorted(RULES, key=lambda rule: rule.code)
    if not rules:
        return ""
    name_width = max(len(rule.name) for rule in rules)
    severity_width = max(len(rule.severity) for rule in rules)
    return "".join(f"{rule.code}  {rule.name:<{name_width}}  {rule.severity:<{severity_width}}  {rule.summary}\n"
                   for rule in rules)


def _rule_doc(code_or_name: str) -> str:
    from initlint.rules import RULES, RULES_BY_CODE

    wanted = code_or_name.strip()
    found = RULES_BY_CODE.get(wanted.upper()) or next((r for r in RULES if r.name == wanted.lower()), None)
    if found is None:
        fail(f"Unknown rule `{wanted}` (see `initlint --list-rules`)")
    return (f"# {found.name} ({found.code})\n\nDefault severity: {found.severity}.\n\n"
            f"{found.summary}\n\n{found.doc.rstrip()}\n")


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="initlint", message="%(prog)s %(version)s")
def main() -> None:
    """Lint TensorFlow / Keras model code for risky weight initialization.

    `initlint PATHS` is `initlint check PATHS`.
    """


def _format_choices() -> list[str]:
    from initlint.report import FORMATS

    return list(FORMATS)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "--output-format", "output_format", type=click.Choice(_format_choices()),
              default="concise", envvar="INITLINT_FORMAT", show_envvar=True, show_default=True,
              help="Output format.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write the output to this file.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Rules to enable (comma-separated codes or prefixes: INI, INI1, INI101, ALL); replaces the configured set.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to disable.")
@click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES",
              help="Rules to disable in the files matching GLOB (replaces the configured table).")
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Files and folders to skip (replaces the defaults).")
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="More files and folders to skip.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip what .gitignore files ignore (default: yes).")
@click.option("--force-exclude/--no-force-exclude", default=None,
              help="Apply the excludes to files named on the command line too (for pre-commit).")
@click.option("--stdin-filename", metavar="PATH", help="The path to show (and match against config) for `-`.")
@click.option("--dialect", type=click.Choice(["auto", "tf1", "tf2"]), default=None,
              help="TensorFlow generation whose defaults apply (default: auto).")
@click.option("--threshold", "thresholds", multiple=True, metavar="KEY=VALUE",
              help="Override a risk threshold, e.g. --threshold explode=20.")
@click.option("--config", "config_path", metavar="PATH", help="Read the configuration from this file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("-e", "--exit-zero", is_flag=True, help="Exit with 0 even when diagnostics are found.")
@click.option("--statistics", is_flag=True, help="Show how often each rule fired instead of the diagnostics.")
@click.option("-q", "--quiet", is_flag=True, help="Show the diagnostics only, without the summary.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: only on a terminal; NO_COLOR honoured).")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of internal errors (INI902).")
@click.option("--show-files", is_flag=True, help="List the files that would be linted, and stop.")
@click.option("--explain", "explain_code", metavar="CODE", help="Show a rule's documentation, and stop.")
@click.option("--list-rules", is_flag=True, help="List every rule: code, name, severity, summary.")
@click.option("--fix/--no-fix", default=False, help="Apply the safe fixes (and the unsafe ones with --unsafe-fixes).")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=False,
              help="Include the fixes that change the initial values (and so training results).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff, write nothing; exit 1 if any.")
@click.option("--show-fixes/--no-show-fixes", default=False, help="List what --fix fixed, per file and rule.")
@_performance_options
def check(paths: tuple[str, ...], output_format: str, output_file: str | None, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], per_file_ignores: tuple[str, ...],
          exclude: tuple[str, ...], extend_exclude: tuple[str, ...], respect_gitignore: bool | None,
          force_exclude: bool | None, stdin_filename: str | None, dialect: str | None,
          thresholds: tuple[str, ...], config_path: str | None, isolated: bool, exit_zero: bool,
          statistics: bool, quiet: bool, color: bool | None, verbose: bool, show_files: bool,
          explain_code: str | None, list_rules: bool, fix: bool = False, unsafe_fixes: bool = False,
          diff: bool = False, show_fixes: bool = False, **performance: Any) -> None:
    """Lint PATHS (default: the current directory; `-` reads standard input)."""
    if list_rules:
        _emit(_rule_table(), None, False)
        raise click.exceptions.Exit(EXIT_CLEAN)
    if explain_code is not None:
        _emit(_rule_doc(explain_code), None, False)
        raise click.exceptions.Exit(EXIT_CLEAN)

    from initlint.config import ConfigError, Overrides, load_settings, parse_per_file_ignores
    from initlint.discovery import STDIN, is_force_excluded

    try:
        overrides = Overrides(
            select=_split(select) if select else None,
            extend_select=_split(extend_select),
            ignore=_split(ignore),
            exclude=_split(exclude) if exclude else None,
            extend_exclude=_split(extend_exclude),
            per_file_ignores=parse_per_file_ignores(per_file_ignores) if per_file_ignores else None,
            dialect=dialect,
            thresholds=tuple(_threshold(item) for item in thresholds),
            respect_gitignore=respect_gitignore,
            force_exclude=force_exclude,
        )
        settings = load_settings(paths, overrides, config=config_path, isolated=isolated,
                                 stdin_filename=stdin_filename)
    except ConfigError as error:
        fail(str(error))
    settings = _with_performance(settings, **performance)

    use_stdin = STDIN in paths or (not paths and stdin_filename is not None)
    named = tuple(path for path in paths if path != STDIN)
    files = _discover(named, settings) if named or not use_stdin else []
    stdin_shown = stdin_filename or STDIN
    if use_stdin and stdin_filename and settings.force_exclude and is_force_excluded(stdin_filename, settings):
        use_stdin = False
    if show_files:
        shown = [shown for _, shown in files] + ([stdin_shown] if use_stdin else [])
        _emit("".join(f"{item}\n" for item in shown), output_file, False)
        raise click.exceptions.Exit(EXIT_CLEAN)

    results = list(run(files, settings))
    if use_stdin:
        from initlint.engine import analyze_bytes

        results.append(analyze_bytes(click.get_binary_stream("stdin").read(), stdin_shown, settings))

    from initlint.fix import attach_fixes, fixable_counts
    from initlint.fix import summary as fix_summary
    from initlint.report import render_diagnostics, render_statistics

    if use_stdin:  # engine.run attaches the fixes of the files (in its workers, cached); stdin's are ours
        results[-1] = attach_fixes(results[-1], settings)
    session = None
    if fix or diff:
        from initlint.fix.session import fix_files

        sources = [*files, *([(None, stdin_shown)] if use_stdin else [])]
        session = fix_files(sources, results, settings, unsafe=unsafe_fixes, write=not diff)
        for problem in session.problems:
            click.echo(f"initlint: {problem}", err=True)
        if diff:
            hidden = 0 if unsafe_fixes else fixable_counts(results, False)[1]
            _emit(session.diff, output_file, False)
            click.echo(fix_summary.would_fix_line(session.fixed_count, hidden), err=True)
            raise click.exceptions.Exit(EXIT_FOUND if session.diff else EXIT_CLEAN)
        results = session.results
        if session.stdin_source is not None:
            click.echo(session.stdin_source, nl=False)  # ruff: the fixed text on stdout, the report on stderr
    use_color = _use_color(color, output_file is not None)
    render = render_statistics if statistics else render_diagnostics
    text_output = output_format in ("concise", "full") if not statistics else output_format not in ("json", "json-lines")
    fixed = session.fixed_count if session is not None else 0
    options = {"unsafe_fixes": unsafe_fixes} if text_output else {}
    text = render(output_format, results, color=use_color, quiet=quiet or (text_output and fixed > 0), **options)
    if text_output and not quiet:
        remaining = [d for result in results for d in result.diagnostics]
        if show_fixes and fixed and session is not None:
            text += ("\n" if text else "") + fix_summary.fixed_block(session.fixed) + "\n"
        if fixed:
            text += fix_summary.found_line(fixed, remaining) + "\n"
        hint = fix_summary.fixable_line(*fixable_counts(results, unsafe_fixes), unsafe_fixes)
        text += f"{hint}\n" if hint else ""
    if session is not None and session.stdin_source is not None and output_file is None:
        click.echo(text, nl=False, err=True)
    else:
        _emit(text, output_file, use_color)

    diagnostics = [d for result in results for d in result.diagnostics]
    internal = [d for d in diagnostics if d.code == INTERNAL_ERROR]
    _report_internal_errors(internal, verbose)
    if internal:
        raise click.exceptions.Exit(EXIT_ERROR)
    failing = any(d.severity != "info" for d in diagnostics)
    raise click.exceptions.Exit(EXIT_FOUND if failing and not exit_zero else EXIT_CLEAN)


def _threshold(item: str) -> tuple[str, str]:
    from initlint.config import ConfigError

    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"Invalid value `{item}` for `--threshold` from the CLI: expected KEY=VALUE")
    return key, value


def _emit(text: str, output_file: str | None, color: bool) -> None:
    if output_file is not None:
        target = Path(output_file)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            fail(f"Failed to write {output_file}: {error.strerror or error}")
        return
    click.echo(text, nl=False, color=color)
    sys.stdout.flush()  # a closed pipe (`initlint | head`) fails here, inside click's EPIPE handling


def _report_internal_errors(internal: Sequence, verbose: bool) -> None:
    if not internal:
        return
    if not verbose:
        click.echo(f"initlint: {len(internal)} internal error{'s' if len(internal) != 1 else ''} (INI902); "
                   "run with --verbose for the traceback, and please report it", err=True)
        return
    for diagnostic in internal:
        trace = diagnostic.data.get("traceback") or "(no traceback recorded)\n"
        click.echo(f"Traceback of INI902 in {diagnostic.path}:\n{trace.rstrip()}\n", err=True)


@main.command("rule")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="Show the documentation of every rule.")
def rule_command(code: str | None, show_all: bool) -> None:
    """Show the documentation of rule CODE (a code such as INI101, or its name)."""
    from initlint.rules import RULES

    if show_all:
        _emit("\n".join(_rule_doc(rule.code) for rule in sorted(RULES, key=lambda r: r.code)), None, False)
        return
    if code is None:
        fail("`initlint rule` needs a rule code (e.g. `initlint rule INI301`) or `--all`")
    _emit(_rule_doc(code), None, False)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              help="A table to read, or the JSON contract (version 1) for tools.")
@click.option("--dialect", type=click.Choice(["auto", "tf1", "tf2"]), default=None,
              help="Whose constructor defaults apply (default: decided per file, or the configuration).")
@click.option("--config", "config_path", default=None, help="Read this pyproject.toml / initlint.toml.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("-o", "--output-file", default=None, help="Write the output to this file.")
@_performance_options
def explain(paths: tuple[str, ...], output_format: str, dialect: str | None, config_path: str | None,
            isolated: bool, output_file: str | None, **performance: Any) -> None:
    """Show the initializer every weight in PATHS really gets, and where it came from."""
    from initlint.config import ConfigError, Overrides, load_settings
    from initlint.report.explain import render_explain

    try:
        settings = load_settings(paths, Overrides(dialect=dialect), config=config_path, isolated=isolated)
    except ConfigError as error:
        fail(str(error))
    settings = _with_performance(settings, **performance)
    from initlint.discovery import discover

    notebooks: list[str] = []
    results = list(run(discover(paths, settings, notebooks), settings))
    _emit(render_explain(output_format, results, notebooks), output_file, False)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--cache-dir", metavar="PATH", envvar="INITLINT_CACHE_DIR", show_envvar=True,
              help="A cache folder to remove as well (default: .initlint_cache in the project root).")
@click.option("-q", "--quiet", is_flag=True, help="Say nothing about what is removed.")
def clean(paths: tuple[str, ...], cache_dir: str | None, quiet: bool) -> None:
    """Remove the results caches in PATHS (default: the current directory) and the folders below
    them, and the project's configured cache, as `ruff clean` does."""
    from dataclasses import replace

    from initlint.cache import cache_dir as configured_cache, caches_under, is_cache_folder, remove_cache
    from initlint.config import ConfigError, load_settings

    try:
        settings = replace(load_settings(paths), cache_dir=cache_dir)
    except ConfigError as error:
        fail(str(error))
    configured = configured_cache(settings)
    if configured.is_dir() and not is_cache_folder(configured):
        fail(f"not removing {configured}: it has no CACHEDIR.TAG written by initlint")
    found = [configured] if configured.is_dir() else []
    for root in paths or (".",):
        if Path(root).is_dir():
            found += caches_under(Path(root))
    unique = {os.path.realpath(folder): folder for folder in found}
    for folder in unique.values():
        if not quiet:
            click.echo(f"Removing cache at: {_relative(folder)}", err=True)
        try:
            remove_cache(folder)
        except OSError as error:
            fail(f"cannot remove {folder}: {error.strerror or error}")


def _relative(path: Path) -> str:
    """`path` relative to the current directory when it is below it, else as it is."""
    try:
        return os.fspath(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.fspath(path)


@main.command()
@click.argument("kind", type=click.Choice(["dense", "conv1d", "conv2d", "conv3d", "conv2d_transpose",
                                           "depthwise_conv2d"]))
@click.option("--in", "in_channels", type=int, required=True, help="Input units or channels.")
@click.option("--out", "out_channels", type=int, required=True, help="Output units or filters.")
@click.option("--kernel", type=int, default=1, show_default=True, help="Kernel size (convolutions).")
@click.option("--stride", type=int, default=1, show_default=True, help="Stride (transposed convolutions).")
@click.option("--init", "init", default=None, help='The initializer, e.g. "truncated_normal(stddev=0.1)".')
@click.option("--act", "activation", default="linear", show_default=True, help="The activation after the layer.")
@click.option("--depth", type=int, default=1, show_default=True, help="How many such layers in a row.")
@click.option("--dialect", type=click.Choice(["tf1", "tf2"]), default="tf1", show_default=True,
              help="Whose constructor defaults apply.")
def calc(kind: str, in_channels: int, out_channels: int, kernel: int, stride: int, init: str | None,
         activation: str, depth: int, dialect: str) -> None:
    """Fans, standard initializers and the gain of one layer, e.g.
    `initlint calc dense --in 3136 --out 1024 --init "truncated_normal(stddev=0.1)" --act relu`."""
    from initlint.calc import CalcError, calculate, render

    try:
        result = calculate(kind, in_channels, out_channels, kernel, init, activation, depth, dialect, stride)
    except CalcError as error:
        click.echo(f"initlint failed\n  Cause: {error}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render(result), nl=False)
