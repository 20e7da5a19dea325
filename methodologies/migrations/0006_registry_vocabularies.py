"""Methodologies use the registry's target groups and sectors (providers.vocabulary), so a
methodology and the providers that adopt it are described with the same words. The app's own
vocabulary tables go; the links they held are carried over by code where the registry has one."""

from django.db import migrations, models

TARGET_GROUPS = {
    "long-term-unemployed": "long_term_unemployed", "young-neet": "neet",
    "migrants-refugees": "migrants", "disabilities": "disability", "roma": "roma",
    "older-workers": "older_workers", "low-skilled": "low_skilled",
    "ex-offenders": "ex_offenders", "women-returners": "women", "homeless": "homeless",
}
SECTORS = {
    "agriculture-food": "agriculture", "hospitality": "hospitality",
    "construction": "construction", "recycling": "recycling", "logistics-retail": "retail",
    "textiles-crafts": "textile", "care": "care", "cleaning": "cleaning", "digital": "digital",
    "manufacturing": "manufacturing",
}


def carry_over(apps, schema_editor):
    Methodology = apps.get_model("methodologies", "Methodology")
    groups = {g.code: g for g in apps.get_model("providers", "TargetGroup").objects.all()}
    sectors = {s.code: s for s in apps.get_model("providers", "Sector").objects.all()}
    for m in Methodology.objects.prefetch_related("target_groups", "sectors"):
        m.target_groups_new.set([groups[TARGET_GROUPS[g.code]] for g in m.target_groups.all()
                                 if TARGET_GROUPS.get(g.code) in groups])
        m.sectors_new.set([sectors[SECTORS[s.code]] for s in m.sectors.all()
                           if SECTORS.get(s.code) in sectors])


class Migration(migrations.Migration):
    dependencies = [
        ("methodologies", "0005_study_visits_matchmaking_adoptions"),
        ("providers", "0004_seed_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="methodology", name="target_groups_new",
            field=models.ManyToManyField(blank=True, related_name="+",
                                         to="providers.targetgroup")),
        migrations.AddField(
            model_name="methodology", name="sectors_new",
            field=models.ManyToManyField(blank=True, related_name="+", to="providers.sector")),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField(model_name="methodology", name="target_groups"),
        migrations.RemoveField(model_name="methodology", name="sectors"),
        migrations.DeleteModel(name="TargetGroup"),
        migrations.DeleteModel(name="Sector"),
        migrations.RenameField(model_name="methodology", old_name="target_groups_new",
                               new_name="target_groups"),
        migrations.RenameField(model_name="methodology", old_name="sectors_new",
                               new_name="sectors"),
        migrations.AlterField(
            model_name="methodology", name="target_groups",
            field=models.ManyToManyField(blank=True, related_name="methodologies",
                                         to="providers.targetgroup",
                                         verbose_name="target groups")),
        migrations.AlterField(
            model_name="methodology", name="sectors",
            field=models.ManyToManyField(blank=True, related_name="methodologies",
                                         to="providers.sector", verbose_name="sectors")),
    ]
