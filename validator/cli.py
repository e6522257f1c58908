"""The ``ce-validator`` command: runs the command line, replaying a stored run when nothing changed.

The parser and the commands are in :mod:`validator.arguments` and ``validator/commands/``; they are imported
only when the run is not replayed (:mod:`validator.run_cache`), so a replay costs little more than starting
Python.
"""

from __future__ import annotations

import gc
import os
import sys

from . import run_cache
from .exit_codes import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE

TYPE_CHECKING = False  # not typing's: this module is imported by every run of the command
if TYPE_CHECKING:  # pragma: no cover
    from typing import Iterable, NoReturn, Sequence, TextIO

# The command builds most of what it keeps at start (modules, compiled schemas and grammars) and keeps it to
# the end.  At Python's default thresholds the collector walks them all again several times while they are
# built: 1-3 % of a one-file check.  Larger thresholds, as mypy sets for its build; a batch of 10,000 files
# peaks 4 MiB higher than at the defaults (100,000 took 16 MiB more for no more speed).
COLLECTOR_THRESHOLDS = (20_000, 20, 20)


def _tolerant_streams() -> None:
    """Text that cannot be encoded (a lone surrogate from a ``\\ud800`` escape) is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False, replay: bool = False) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` when None) and return its exit code.

    ``process_ends``: the process exits as soon as this returns (:func:`entry`), so a command may skip work
    whose only use is the rest of the process (the check command's last collection).  ``replay``: a check run
    stored in the run cache is printed again, and a run that may be stored is watched
    (:mod:`validator.run_cache`; the console script's runs).
    """
    _tolerant_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    key = run_cache.key_for(arguments) if replay else None
    recording = None
    status: int | None = None  # the run's code once it completed and its output was flushed
    try:
        if key is not None:
            replayed = run_cache.replay(key)
            if replayed is not None:
                sys.stdout.flush()
                return replayed
            recording = run_cache.Recording.start(key)
        code = _run(arguments, process_ends=process_ends, recording=recording)
        if sys.stdout is not None and not sys.stdout.closed:  # the language server closes it at exit
            sys.stdout.flush()  # a full device fails here, not at exit
        status = code
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_exit_streams()
        # `--exit-zero` promises 0 whatever was found (2 for a usage or I/O error): a report-only step stays one
        return 0 if "--exit-zero" in arguments else EXIT_BROKEN_PIPE
    except OSError as exc:  # output to a full device or a closed pipe end: the files read were never touched
        _quiet_exit_streams()
        if sys.stderr is not None:
            if isinstance(exc, FileNotFoundError) and not _current_folder_exists():  # (its absolute path raised)
                print("ce-validator: error: the current folder no longer exists (deleted under the shell): cd to "
                      "one that does", file=sys.stderr)
            else:
                print(f"ce-validator: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if recording is not None:
            recording.finish(status)


def _current_folder_exists() -> bool:
    try:
        os.getcwd()
    except OSError:
        return False
    return True


def _run(arguments: list[str], *, process_ends: bool, recording: run_cache.Recording | None) -> int:
    if sys.stderr is None:
        return _run_command(arguments, process_ends=process_ends, recording=recording)
    stream = sys.stderr
    sys.stderr = _MaskedStream(stream)  # (a stream in all that is used of one)
    try:
        return _run_command(arguments, process_ends=process_ends, recording=recording)
    finally:
        sys.stderr = stream


class _MaskedStream:
    """Standard error as the commands write it: each message's URL credentials masked (:func:`validator.masking.
    mask_words`), whichever command or layer printed it; the masking module is loaded by the first message that may
    hold one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if "=" in text or "@" in text or "_" in text or "earer " in text or "asic " in text or "oken " in text:
            from .masking import mask_words

            text = mask_words(text)
        return self.stream.write(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def _run_command(arguments: list[str], *, process_ends: bool, recording: run_cache.Recording | None) -> int:
    import warnings

    from .arguments import build_parser, command_of
    from .options import UnknownZoneWarning

    warnings.simplefilter("ignore", UnknownZoneWarning)  # (the commands say where the zone is written)

    parser = build_parser(command_of(arguments))
    options = arguments[:arguments.index("--")] if "--" in arguments else arguments  # (after `--`: file names)
    glued = next((argument for argument in options if argument.startswith("-") and argument.endswith("=--")), None)
    if glued is not None:  # (argparse gives such an option an empty list, not the text `--`)
        parser.error(f"argument {glued[:-3]}: expected a value, not `--`")
    args, extras = parser.parse_known_args(arguments)
    args.process_ends = process_ends
    args.recording = recording
    if extras:  # reported by the subcommand's parser, so the usage shown is that command's
        (getattr(args, "_parser", None) or parser).error(f"unrecognized arguments: {' '.join(extras)}")
    if getattr(args, "_run", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if sys.stdout is None:
        print("ce-validator: error: standard output is closed", file=sys.stderr or sys.__stderr__)
        return EXIT_USAGE
    return int(args._run(args))


def entry() -> NoReturn:
    """The ``ce-validator`` command: :func:`main` with the run cache, the collector's larger thresholds, then a
    quick exit.

    At exit Python frees every object one at a time: about 20 ms after a one-file check, more after a large
    file.  The process ends anyway, so once its output is flushed the command leaves at once, as mypy does.
    Output that cannot be flushed (a closed pipe, a full device) takes the ordinary exit, with its messages,
    and so does a process that a profiler, debugger or coverage tool watches: they write their data at exit.
    """
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    code = main(process_ends=True, replay=True)
    if _watched():
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # ValueError: a closed stream (the language server closes stdout)
        sys.exit(code)
    os._exit(code)


def _watched() -> bool:
    """Whether a profiler, tracer, debugger or coverage tool is attached to this process."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage and debuggers register a tool
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


def _quiet_exit_streams() -> None:
    """After a failed write, drop what is left in stdout's buffer so the interpreter's final flush is silent."""
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    entry()
