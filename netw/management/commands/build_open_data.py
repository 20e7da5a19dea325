from django.core.management.base import BaseCommand

from netw.opendata.package import build_package


class Command(BaseCommand):
    help = ("Build the open data package (CSV files, datapackage.json, README, licence) now and "
            "serve it at /open-data/. Celery beat runs the same every night.")

    def handle(self, *args, **options):
        directory = build_package()
        self.stdout.write(self.style.SUCCESS(f"Open data package written to {directory}"))
