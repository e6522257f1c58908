"""``ce-validator lsp``: a language server for instance bodies and poller configurations (see ``server.py``).

Modules: ``checking.py`` (the findings ``check`` reports for an editor buffer), ``positions.py``
(code points to UTF-16), ``hover.py`` (macros, patterns, zones, rule documentation), ``server.py``
(pygls wiring).  pygls is imported only when the server starts.
"""
