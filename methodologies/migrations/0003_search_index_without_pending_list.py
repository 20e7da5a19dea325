"""The inventory is written rarely and searched often: insert into the GIN index directly rather
than through its pending list, so searches never scan a pending list and the planner's estimate
of the index stays accurate (with a long pending list it prefers a sequential scan)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER INDEX methodologies_methodology_search_gin SET (fastupdate = off);"
            "SELECT gin_clean_pending_list('methodologies_methodology_search_gin'::regclass);")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER INDEX methodologies_methodology_search_gin RESET (fastupdate);")


class Migration(migrations.Migration):
    dependencies = [("methodologies", "0002_vocabulary_and_search")]

    operations = [migrations.RunPython(forwards, backwards)]
