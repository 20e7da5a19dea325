"""The five capacity-building topics of the kick-off note (netw/topics.py)."""

from django.db import migrations


def seed_topics(apps, schema_editor):
    from netw.topics import seed_topics

    seed_topics(apps.get_model("peersessions", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("peersessions", "0001_initial")]

    operations = [migrations.RunPython(seed_topics, migrations.RunPython.noop)]
