"""The command's exit codes (a module of its own: the light console path and the parser both need them)."""

#: No error found (warnings pass unless ``--strict``).
EXIT_OK = 0
#: An error was found.
EXIT_FINDINGS = 1
#: A usage, configuration or I/O error.
EXIT_USAGE = 2
#: Interrupted (Ctrl-C), as a shell reports a process ended by SIGINT.
EXIT_INTERRUPTED = 130
