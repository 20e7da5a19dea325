from django.core.management.base import BaseCommand

from netw.demo import current_totp_code


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo coordinator and admin (demo only)."

    def handle(self, *args, **options):
        self.stdout.write(current_totp_code())
