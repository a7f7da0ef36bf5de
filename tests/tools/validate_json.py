#!/usr/bin/env python3
"""validate_json.py SCHEMA DOCUMENT — validates a JSON document against a
JSON Schema with the `jsonschema` library (Debian's python3-jsonschema),
using the draft the schema names. Prints "valid" or every error, with its
path in the document; exits 1 on errors."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for e in errors:
    print("/".join(str(p) for p in e.path) or "(document)", ":", e.message)
print("valid" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
