#!/usr/bin/env python3
"""Checks the layouts folder against its JSON Schemas; exits non-zero on any failure (CI runs it).

- the schemas are valid draft 2020-12 and match what generate.py writes;
- every Layouts/**/*.yaml validates against its schema, chosen by folder: layouts at the top,
  components/, themes/, labels/; and its first line names that schema for editors;
- every labels file has the same keys as en.yaml;
- a few known-bad documents are rejected, so the schemas keep catching typos.

Needs PyYAML and jsonschema (`pip install pyyaml jsonschema`).
"""
import json
import pathlib
import sys

import jsonschema
import yaml

import generate

HERE = pathlib.Path(__file__).resolve().parent
LAYOUTS = HERE.parent
KINDS = {".": "layout", "components": "component", "themes": "theme", "labels": "labels", "imposition": "imposition", "post": "post", "email": "email"}


def load_schemas(failures):
    validators = {}
    for kind in generate.SCHEMAS:
        path = HERE / f"{kind}.schema.json"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if text != generate.render(kind):
            failures.append(f"{path.relative_to(LAYOUTS)}: out of date; run python3 Layouts/schema/generate.py")
            text = generate.render(kind)
        schema = json.loads(text)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft202012Validator(schema)
    return validators


def where(error):
    return "/".join(str(part) for part in error.absolute_path) or "(top)"


def check_file(path, kind, validator, failures):
    name = path.relative_to(LAYOUTS)
    text = path.read_text(encoding="utf-8")
    schema_path = ("" if kind == "layout" else "../") + f"schema/{kind}.schema.json"
    first = text.splitlines()[0] if text else ""
    if first != f"# yaml-language-server: $schema={schema_path}":
        failures.append(f"{name}:1: the first line should be `# yaml-language-server: $schema={schema_path}`")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        failures.append(f"{name}: not valid YAML: {error}")
        return None
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        failures.append(f"{name}: {where(error)}: {error.message}")
    return document


def self_test(validators, failures):
    """Documents the schemas must reject: a misspelt key, two kinds in a block, a bad length."""
    bad = {
        "layout": [
            {"layout": "a", "theme": "t", "flow": [{"group": [], "keep-togther": True}]},
            {"layout": "a", "theme": "t", "flow": [{"text": "x", "image": "logo"}]},
            {"layout": "a", "theme": "t", "flow": [{"spacer": "12xx"}]},
            {"layout": "a", "theme": "t", "titel": "x"},
        ],
        "component": [{"component": "c", "content": [], "param": {}}],
        "theme": [{"theme": "t", "colours": {"text": {"rgb": "#000", "cmyk": [0, 0, 0, 85]}}}],
        "labels": [{"labels": "cs", "due_dat": "Splatnost"}],
    }
    for kind, documents in bad.items():
        for document in documents:
            if validators[kind].is_valid(document):
                failures.append(f"schema/{kind}.schema.json accepts a document it must reject: {document}")


def main():
    failures = []
    validators = load_schemas(failures)
    self_test(validators, failures)
    labels = {}
    count = 0
    for path in sorted(LAYOUTS.rglob("*.yaml")):
        folder = str(path.parent.relative_to(LAYOUTS))
        kind = KINDS.get(folder)
        if kind is None:
            continue  # not a layouts-folder file (fixtures, data)
        document = check_file(path, kind, validators[kind], failures)
        count += 1
        if kind == "labels" and isinstance(document, dict):
            labels[path.name] = set(document) - {"labels"}
    if "en.yaml" in labels:
        for name, keys in labels.items():
            missing, extra = labels["en.yaml"] - keys, keys - labels["en.yaml"]
            if missing or extra:
                failures.append(f"labels/{name}: keys differ from en.yaml: missing {sorted(missing)}, extra {sorted(extra)}")
    for failure in failures:
        print(failure)
    print(f"{count} files checked against {len(validators)} schemas: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
