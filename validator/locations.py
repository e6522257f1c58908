"""Where the package's bundled files are on disk (standard ``os`` only: the run cache's key needs it)."""

from __future__ import annotations

import os

PACKAGE = os.path.dirname(os.path.realpath(__file__))


def schema_folder() -> str | None:
    """The bundled schemas' folder: ``validator/schemas`` in the wheel, ``schemas/`` in a source checkout;
    None when neither is a folder (a zipped install: see :func:`validator.schemas.bundled_folder`)."""
    for folder in (os.path.join(PACKAGE, "schemas"), os.path.join(os.path.dirname(PACKAGE), "schemas")):
        if os.path.isdir(folder):
            return folder
    return None
