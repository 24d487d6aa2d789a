#!/usr/bin/env python3
"""Validates FHIR R4 JSON resources with the fhir.resources R4 (4.0.1) models.

Usage: validate.py FILE... (each a JSON resource; "-" reads one from stdin).
Each resource, and each resource inside a Bundle, is parsed with the model of its resourceType
(unknown elements, wrong types, missing required elements and invalid codes of required bindings
are errors). Prints one line per resource; the last line is a JSON summary
{"ok": bool, "types": [...]}; the exit status is 1 when any resource failed.
"""
import json
import sys

import fhir.resources
from fhir.resources import construct_fhir_element

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__


def resources_in(resource):
    yield resource
    if resource.get("resourceType") == "Bundle":
        for entry in resource.get("entry", []):
            if "resource" in entry:
                yield from resources_in(entry["resource"])


def main(paths):
    ok = True
    types = set()
    for path in paths:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        for resource in resources_in(json.loads(text)):
            kind = resource.get("resourceType", "?")
            try:
                construct_fhir_element(kind, resource)
                types.add(kind)
                print(f"ok {kind}/{resource.get('id', '')} ({path})")
            except Exception as error:  # the models' validation errors, unknown types
                ok = False
                print(f"INVALID {kind}/{resource.get('id', '')} ({path}): {error}")
    print(json.dumps({"ok": ok, "types": sorted(types)}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["-"]))
