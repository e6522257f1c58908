"""Embed, in each schema of ``schemas/``, a copy of every schema it references from another file.

A schema that refers to ``https://ce-validator.dev/schemas/poller.schema.json`` carries that schema
under ``$defs`` (with its ``$id``), so editors and tools such as ``check-jsonschema
--schemafile schemas/instance.schema.json`` resolve every reference offline, inside the one file.
The embedded copies are generated: edit the standalone schema, then run

    python tools/bundle_schemas.py          # rewrite the bundled copies
    python tools/bundle_schemas.py --check  # exit 1 when a copy is out of date (the tests run this)
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
BUNDLE_PREFIX = "bundled:"


def _load_all() -> dict[str, tuple[Path, dict]]:
    found = {}
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(schema.get("$id"), str):
            found[schema["$id"]] = (path, schema)
    return found


def _own(schema: dict) -> dict:
    """The schema without its generated bundle."""
    own = copy.deepcopy(schema)
    defs = own.get("$defs", {})
    for key in [k for k in defs if k.startswith(BUNDLE_PREFIX)]:
        del defs[key]
    if "$defs" in own and not own["$defs"]:
        del own["$defs"]
    return own


def _external_refs(node, own_id: str) -> set[str]:
    refs: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#") and ref.split("#")[0] != own_id:
                refs.add(ref.split("#")[0])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return refs


def bundled(schema_id: str, schemas: dict[str, tuple[Path, dict]]) -> dict:
    """``schema_id``'s own content plus a ``$defs`` copy of every schema it reaches by reference."""
    own = _own(schemas[schema_id][1])
    needed: list[str] = []
    queue = sorted(_external_refs(own, schema_id))
    while queue:
        ref = queue.pop(0)
        if ref in needed or ref == schema_id:
            continue
        if ref not in schemas:
            raise SystemExit(f"{schemas[schema_id][0]}: $ref to {ref}, which no schema in {SCHEMAS} has as $id")
        needed.append(ref)
        queue.extend(sorted(_external_refs(_own(schemas[ref][1]), ref)))
    if needed:
        defs = own.setdefault("$defs", {})
        for ref in needed:
            name = BUNDLE_PREFIX + ref.rsplit("/", 1)[-1].removesuffix(".schema.json")
            embedded = _own(schemas[ref][1])
            embedded.pop("$schema", None)
            defs[name] = embedded
    return own


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date bundles; write nothing")
    args = parser.parse_args(argv)
    schemas = _load_all()
    stale = []
    for schema_id, (path, schema) in schemas.items():
        wanted = bundled(schema_id, schemas)
        if wanted == schema:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(render(wanted), encoding="utf-8")
    if args.check and stale:
        print("out of date (run python tools/bundle_schemas.py): " + ", ".join(str(p) for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
