"""The project's text search configurations (netw/search.py): accents ignored (``unaccent``),
words stemmed in English, French, Hungarian, Italian and Portuguese; and ``pg_trgm`` for the
search's "did you mean" suggestions. PostgreSQL only (SQLite searches plainly)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

from netw.search import configurations_sql, undo_configurations_sql


def add_configurations(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(configurations_sql())


def remove_configurations(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(undo_configurations_sql())


class Migration(migrations.Migration):

    dependencies = [
        ("netw", "0011_alter_invitation_language_alter_user_language"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(add_configurations, remove_configurations),
    ]
