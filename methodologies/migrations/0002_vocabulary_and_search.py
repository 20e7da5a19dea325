"""Seed the vocabularies; on PostgreSQL, keep the weighted search vector up to date with a trigger
and index it with GIN (title A, summary B, the rest C). SQLite searches without them."""

from django.db import migrations

SEARCH_SQL = """
CREATE OR REPLACE FUNCTION methodologies_methodology_search_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('simple', concat_ws(' ', NEW.body, NEW.problem, NEW.evidence,
                                              NEW.transfer, NEW.origin_organisation)), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS methodologies_methodology_search ON methodologies_methodology;
CREATE TRIGGER methodologies_methodology_search
  BEFORE INSERT OR UPDATE ON methodologies_methodology
  FOR EACH ROW EXECUTE FUNCTION methodologies_methodology_search_update();
CREATE INDEX IF NOT EXISTS methodologies_methodology_search_gin
  ON methodologies_methodology USING gin (search_vector);
UPDATE methodologies_methodology SET title = title;
"""

UNDO_SQL = """
DROP INDEX IF EXISTS methodologies_methodology_search_gin;
DROP TRIGGER IF EXISTS methodologies_methodology_search ON methodologies_methodology;
DROP FUNCTION IF EXISTS methodologies_methodology_search_update();
"""


def add_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_SQL)


def remove_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNDO_SQL)


# The codes of this app's first vocabularies (their tables went in migration 0006, which maps
# them onto the registry's): kept here, as they were, so the migration history replays.
TARGET_GROUPS = ["long-term-unemployed", "young-neet", "migrants-refugees", "disabilities", "roma",
                 "older-workers", "low-skilled", "ex-offenders", "women-returners", "homeless"]
SECTORS = ["agriculture-food", "hospitality", "construction", "recycling", "logistics-retail",
           "textiles-crafts", "care", "cleaning", "digital", "manufacturing"]


def seed_vocabulary(apps, schema_editor):
    for model, codes in (("TargetGroup", TARGET_GROUPS), ("Sector", SECTORS)):
        Model = apps.get_model("methodologies", model)
        for code in codes:
            Model.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("methodologies", "0001_initial")]

    operations = [
        migrations.RunPython(seed_vocabulary, migrations.RunPython.noop),
        migrations.RunPython(add_search, remove_search),
    ]
