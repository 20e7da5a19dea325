"""The five capacity-building topics of the kick-off note (netw/topics.py)."""

from django.db import migrations


def seed_topics(apps, schema_editor):
    from django.utils import translation

    from netw.topics import TOPICS

    Topic = apps.get_model("peersessions", "Topic")
    with translation.override("en"):
        for position, (slug, name, description) in enumerate(TOPICS, start=1):
            Topic.objects.get_or_create(slug=slug, defaults={
                "name": str(name), "description": str(description), "language": "en",
                "position": position,
            })


class Migration(migrations.Migration):
    dependencies = [("peersessions", "0001_initial")]

    operations = [migrations.RunPython(seed_topics, migrations.RunPython.noop)]
