"""Every part the core gathers from the apps is found through netw.discovery.app_modules: an app
added to INSTALLED_APPS joins the sitemap, the bench and the demo without the core naming it."""

from django.test import override_settings

from netw import benchmark, discovery, sitemaps
from netw.management.commands.seed_demo import Command as SeedDemo


def test_the_sitemap_gathers_the_portals_pages_and_every_apps_sections():
    found = sitemaps.collect()
    assert list(found)[0] == "pages"
    assert {"methodologies", "publications"} <= set(found)


def test_the_bench_measures_every_app_that_has_a_bench_module_in_installed_order():
    names = [m.__name__ for m in benchmark.bench_modules()]
    assert names == ["netw.bench", "providers.bench", "peersessions.bench", "methodologies.bench",
                     "sustainability.bench"]


def test_the_demo_seeds_every_app_with_a_demo_module_then_the_cores_monitoring():
    """netw/demo.py holds the personas, not a seeder; the core's monitoring set-up (targets,
    deliverables with evidence) names the apps' records, so it is seeded after them; the open
    data package publishes what they all made public, so it is built last."""
    seeders = [f.__module__ for f in SeedDemo().extra_seeders()]
    assert seeders == ["providers.demo", "peersessions.demo", "methodologies.demo",
                       "sustainability.demo", "netw.monitoring.demo",
                       "netw.monitoring.demo_deliverables", "netw.opendata.demo"]


def test_an_app_removed_from_installed_apps_leaves_every_list(settings):
    apps = [a for a in settings.INSTALLED_APPS if a != "methodologies"]
    discovery.app_modules.cache_clear()
    try:
        with override_settings(INSTALLED_APPS=apps):
            assert "methodologies" not in sitemaps.collect()
            assert "methodologies.bench" not in [m.__name__ for m in benchmark.bench_modules()]
    finally:
        discovery.app_modules.cache_clear()


def test_your_data_gathers_the_cores_parts_and_every_apps_personal_data_module():
    from netw import personal_data

    names = [m.__name__ for m in personal_data.modules()]
    assert names == [*personal_data.CORE_MODULES, "providers.personal_data",
                     "peersessions.personal_data", "methodologies.personal_data",
                     "sustainability.personal_data"]
