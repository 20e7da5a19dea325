"""Place every provider and network (every model with a place) on the map from its city.

For records written before the gazetteer, or after ``build_gazetteer``; records placed by hand
keep their place. Safe to run again: only the records whose place changes are saved."""

from django.core.management.base import BaseCommand

from netw.geo.placing import place_records


class Command(BaseCommand):
    help = "Place records on the map from their city (the gazetteer); hand-placed ones stay."

    def handle(self, *args, **options):
        for label, (changed, unplaced) in place_records().items():
            self.stdout.write(f"{label}: {changed} placed or moved, {unplaced} not on the map")
