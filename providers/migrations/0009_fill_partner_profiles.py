"""Give every partner a full name and a description where the first seed left them out."""

from django.db import migrations

from providers.partner_data import fill_missing_profiles


def fill(apps, schema_editor):
    fill_missing_profiles(apps.get_model("providers", "Partner"))


class Migration(migrations.Migration):
    dependencies = [("providers", "0008_partner_profiles")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
