"""Validates documents and library results against the shipped JSON Schemas with the
jsonschema package (Debian's python3-jsonschema), as a Python backend would: draft
2020-12, formats checked (format: date rejects 2026-13-45). Issue 21 item 3.
Usage: python3 validate.py <schemas-dir> <cases.json>"""
import json
import os
import sys

import jsonschema

schemas_dir, cases_file = sys.argv[1], sys.argv[2]
cases = json.load(open(cases_file, encoding="utf-8"))
checker = jsonschema.FormatChecker()
validators = {}


def validator(name):
    if name not in validators:
        schema = json.load(open(os.path.join(schemas_dir, name), encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema, format_checker=checker)
    return validators[name]


failures = []
for case in cases["documents"]:
    errors = sorted(validator(case["schema"]).iter_errors(case["doc"]), key=lambda e: list(e.path))
    if case["valid"] and errors:
        failures.append(f"{case['schema']} should accept {case['name']}: " + "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:3]))
    if not case["valid"] and not errors:
        failures.append(f"{case['schema']} should reject {case['name']}")
for case in cases["results"]:
    errors = list(validator(case["schema"]).iter_errors(case["doc"]))
    if errors:
        failures.append(f"{case['schema']}: the library's result for {case['name']} does not validate: " + "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:3]))

# Every shipped schema is a valid draft 2020-12 schema.
for name in sorted(os.listdir(schemas_dir)):
    if name.endswith(".schema.json"):
        validator(name)

docs = cases["documents"]
print(f"{len(validators)} schemas checked; {sum(d['valid'] for d in docs)} valid and {sum(not d['valid'] for d in docs)} invalid documents, {len(cases['results'])} library results")
if failures:
    print("\n".join(failures))
    sys.exit(1)
