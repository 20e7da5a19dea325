from django.db import migrations


def seed(apps, schema_editor):
    from sustainability.addressees import seed_addressee_types

    seed_addressee_types(apps.get_model("sustainability", "AddresseeType"))


class Migration(migrations.Migration):
    dependencies = [("sustainability", "0003_recommendations_roadmap_meetings_plans")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
