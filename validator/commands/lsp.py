"""Run the language server over standard input and output (for editors: VS Code, Neovim, Helix, ...).

Diagnostics as `ce-validator check` reports them (the same configuration discovery), hovers on date
macros, date patterns and zones, and quick fixes. See docs/editors.md for the editor setup.
Needs pygls: pip install 'ce-validator[lsp]'.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    # editors' LSP clients often pass --stdio; stdio is the only transport
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")


def run(args: argparse.Namespace) -> int:
    """Serve until the client sends exit."""
    try:
        import pygls  # noqa: F401
    except ModuleNotFoundError:
        sys.stderr.write("ce-validator lsp: needs pygls: pip install 'ce-validator[lsp]'\n")
        return 2
    from ..lsp.server import serve

    return serve()
