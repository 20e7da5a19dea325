"""Create the sectors and target groups the registry's providers link to."""

from django.db import migrations

from providers.vocabulary import seed_vocabulary


def seed(apps, schema_editor):
    seed_vocabulary(apps.get_model("providers", "Sector"),
                    apps.get_model("providers", "TargetGroup"))


class Migration(migrations.Migration):
    dependencies = [("providers", "0003_registry")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
