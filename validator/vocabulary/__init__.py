"""The project's vocabulary: one owner for each piece of knowledge every layer shares.

* :mod:`.secrets`: which keys and URL query parameters hold secrets (masking and CE751 agree);
* :mod:`.placeholders`: documentation placeholders, masks and environment references;
* :mod:`validator.timeparse`: user-facing times (``--at``, the ``at`` setting, ``--since``);
* :func:`validator.kinds.poller_entries`: the poller entries of a document (``check``, ``render`` and
  every later command walk them the same way).

Nothing here imports a rule, a reporter or a command.
"""
