"""Regenerates hsds_schemas.json (run by hand; not a test).

No package on PyPI ships the HSDS 3 JSON schemas. The closest is ``hsds-validator`` 0.1.2 (MIT,
Stevens Blueprint), whose ``hsds_validator/lib/models.py`` holds Pydantic models of the HSDS 3.1
objects; its wheel requires Python 3.13, so it is downloaded, not installed::

    pip download --no-deps --python-version 3.13 --only-binary=:all: hsds-validator==0.1.2
    unzip hsds_validator-0.1.2-py3-none-any.whl 'hsds_validator/lib/models.py'
    python tests/opendata/make_hsds_schemas.py hsds_validator/lib/models.py

The JSON schemas are the models' own (``model_json_schema()``), with one documented change: the
models type a location's ``latitude`` and ``longitude`` as strings, where HSDS 3's location
schema has numbers; the schemas here accept a number (or null).
"""

import importlib.util
import json
import sys
from pathlib import Path

OBJECTS = {"organizations": "Organization", "services": "Service", "locations": "Location",
           "taxonomies": "Taxonomy", "taxonomy_terms": "Taxonomy_Term"}


def main(models_path: str) -> None:
    spec = importlib.util.spec_from_file_location("hsds_models", models_path)
    models = importlib.util.module_from_spec(spec)
    sys.modules["hsds_models"] = models
    spec.loader.exec_module(models)
    schemas = {}
    for kind, name in OBJECTS.items():
        model = getattr(models, name)
        model.model_rebuild()
        schemas[kind] = model.model_json_schema()
    for schema in schemas.values():
        location = schema.get("$defs", {}).get("Location") or (
            schema if schema.get("title") == "Location" else None)
        if location:
            for coordinate in ("latitude", "longitude"):
                location["properties"][coordinate]["anyOf"] = [{"type": "number"},
                                                               {"type": "null"}]
    out = Path(__file__).with_name("hsds_schemas.json")
    out.write_text(json.dumps({"source": "hsds-validator 0.1.2 (MIT), HSDS 3.1 models",
                               "schemas": schemas}, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
