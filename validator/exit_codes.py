"""The command's exit codes (a module of its own: the light console path and the parser both need them)."""

#: No error found (warnings pass unless ``--strict``).
EXIT_OK = 0
#: An error was found.
EXIT_FINDINGS = 1
#: A usage, configuration or I/O error.
EXIT_USAGE = 2
#: Interrupted (Ctrl-C), as a shell reports a process ended by SIGINT.
EXIT_INTERRUPTED = 130
#: The reader of the output went away (``| head``), as a shell reports a process ended by SIGPIPE: the run was
#: cut short, so it is not known to have passed (with ``set -o pipefail`` a CI step fails instead of passing).
EXIT_BROKEN_PIPE = 141
