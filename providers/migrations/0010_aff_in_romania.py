"""AFF (Ateliere Fără Frontiere) works in Romania: the first seed placed it in Finland."""

from django.db import migrations


def to_romania(apps, schema_editor):
    Partner = apps.get_model("providers", "Partner")
    # Only the first seed's value: a country a partner or coordinator set since stays.
    Partner.objects.filter(slug="aff", country="FI").update(country="RO")
    Partner.objects.filter(slug="aff", city="").update(city="Bucharest")


class Migration(migrations.Migration):
    dependencies = [("providers", "0009_fill_partner_profiles")]
    operations = [migrations.RunPython(to_romania, migrations.RunPython.noop)]
