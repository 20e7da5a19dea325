"""The repertoire's ranked full-text search, as the methodology inventory's (netw/search.py): on
PostgreSQL a trigger keeps the weighted ``search_vector`` up to date (title A, summary B, the rest
C) and a GIN index serves it. SQLite searches the text fields without them."""

import django.contrib.postgres.search
from django.db import migrations

from netw.search import trigger_sql, undo_trigger_sql

TABLE = "sustainability_goodpractice"
# The columns as they are at this migration (the model's PRACTICE_SEARCH may change later).
WEIGHTS = {"A": ("title",), "B": ("summary",),
           "C": ("problem", "how_it_works", "resources", "results", "transferability",
                 "organisation")}


def add_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(trigger_sql(TABLE, WEIGHTS))


def remove_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(undo_trigger_sql(TABLE))


class Migration(migrations.Migration):

    dependencies = [
        ("sustainability", "0005_plans_recoverable_actions"),
    ]

    operations = [
        migrations.AddField(
            model_name='goodpractice',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(add_search, remove_search),
    ]
