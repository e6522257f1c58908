"""``python -m validator``: the ``ce-validator`` command."""

import sys

from .cli import entry, main

if __name__ == "__main__":
    # The process's own program (python -m) may leave at once; run by runpy inside a program that carries on
    # afterwards (its globals are not the __main__ module's), it raises SystemExit as any script does.
    if sys.modules["__main__"].__dict__ is globals():
        entry()
    sys.exit(main())
