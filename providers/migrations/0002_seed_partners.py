"""Create the eight partner organisations of the project."""

from django.db import migrations

from providers.partner_data import PARTNERS, seed_partners


def seed(apps, schema_editor):
    seed_partners(apps.get_model("providers", "Partner"))


def unseed(apps, schema_editor):
    apps.get_model("providers", "Partner").objects.filter(
        slug__in=[p[0] for p in PARTNERS], memberships__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
