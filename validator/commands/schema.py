"""Print a bundled JSON Schema, or list them.

Without NAME, lists the bundled schemas (instance, configuration, poller, and the element
overlays such as elements/sageone). With NAME, prints that schema's JSON, for an editor's
JSON Schema setting or a CI step. `schema from-element element.json [-o FILE]` writes
a per-element overlay generated from an element definition (`GET /elements/{key}`):
the keys a user must supply (per login method: `if`/`then` on `authentication.type`),
their types and secrets. Exit status:
0, or 2 for an unknown name or an unreadable element definition.
"""

from __future__ import annotations

import argparse
import sys

from ..arguments import path_value


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("name", nargs="?", metavar="NAME",
                        help="the schema to print (instance, configuration, poller, elements/sageone, ...); "
                             "omit it to list them; `from-element` generates one from an element definition")
    parser.add_argument("element_file", nargs="?", metavar="ELEMENT_JSON",
                        help="with from-element: the element definition exported from your account")
    parser.add_argument("-o", "--output", type=path_value, metavar="FILE", help="with from-element: write the schema here")


def run(args: argparse.Namespace) -> int:
    """List the bundled schemas, or print one."""
    from ..schemas import UnknownSchemaError, schema_names, schema_text

    name: str | None = args.name
    if name == "from-element":
        return _from_element(args)
    if args.element_file or args.output:
        sys.stderr.write("ce-validator schema: ELEMENT_JSON and --output go with `from-element`\n")
        return 2
    if name is None:
        for known in schema_names():
            sys.stdout.write(f"{known}\n")
        return 0
    candidate = name.removesuffix(".json").removesuffix(".schema")
    try:
        text = schema_text(candidate)
    except UnknownSchemaError as exc:
        sys.stderr.write(f"ce-validator schema: no bundled schema named {name!r}; "
                         f"available: {', '.join(exc.names)}\n")
        return 2
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _from_element(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from ..elements import ElementDefinition, overlay_schema

    if not args.element_file:
        sys.stderr.write("ce-validator schema from-element: give the element definition file (element.json)\n")
        return 2
    from ._io import UsageError, read_json

    if args.output and _same_file(args.output, args.element_file):
        sys.stderr.write(f"ce-validator schema from-element: {args.output}: is the input; write the schema "
                         "to another file\n")
        return 2
    if Path(args.element_file).is_dir():  # the element's folder, as --element-docs takes it
        sys.stderr.write(f"ce-validator schema from-element: {args.element_file}: a folder: name the element "
                         f"definition in it ({Path(args.element_file) / 'element.json'})\n")
        return 2
    try:
        data = read_json(args.element_file)
    except UsageError as exc:
        sys.stderr.write(f"ce-validator schema from-element: {exc}\n")
        return 2
    if not isinstance(data, dict) or not isinstance(data.get("configuration"), list):
        sys.stderr.write(f"ce-validator schema from-element: {args.element_file}: not an element definition "
                         "(an object with a `configuration` list)\n")
        return 2
    text = json.dumps(overlay_schema(ElementDefinition.from_json(data)), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        try:
            output = Path(args.output)
            output.parent.mkdir(parents=True, exist_ok=True)  # (as `--format FORMAT:FILE` makes its folders)
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"ce-validator schema from-element: {args.output}: cannot write: "
                             f"{exc.strerror or exc}\n")
            return 2
        return 0
    sys.stdout.write(text)
    return 0


def _same_file(one: str, other: str) -> bool:
    import os

    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)
