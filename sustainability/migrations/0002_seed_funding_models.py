from django.db import migrations


def seed(apps, schema_editor):
    from sustainability.funding import seed_funding_models

    seed_funding_models(apps.get_model("sustainability", "FundingModel"))


class Migration(migrations.Migration):
    dependencies = [("sustainability", "0001_good_practices")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
