import logging
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from netw.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS
from netw.discovery import app_modules
from netw.models import User
from providers.models import Membership, Partner


class Command(BaseCommand):
    help = "Load the demo: one person per role and a few records. Safe to run again."

    def handle(self, *args, **options):
        with _quiet():
            self._seed()

    @transaction.atomic
    def _seed(self):
        partners = {p.slug: p for p in Partner.objects.all()}
        created = 0
        for email, first, last, slug, role, totp, staff in DEMO_USERS:
            user, was_created = User.objects.get_or_create(
                email=email,
                defaults={"first_name": first, "last_name": last, "is_staff": staff,
                          "is_superuser": staff, "language": "en"},
            )
            if was_created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                created += 1
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if slug:
                Membership.objects.get_or_create(
                    user=user, partner=partners[slug], defaults={"role": role}
                )
            if totp and not Authenticator.objects.filter(
                user=user, type=Authenticator.Type.TOTP
            ).exists():
                TOTP.activate(user, DEMO_TOTP_SECRET)
        for hook in self.extra_seeders():
            hook(self.stdout)
        self.stdout.write(self.style.SUCCESS(
            f"Demo ready: {created} new demo user(s); password for all: {DEMO_PASSWORD}"
        ))

    def extra_seeders(self):
        """Each app adds its demo records through a ``demo.seed(stdout)`` function in its
        ``demo.py`` (the core's own netw/demo.py holds the personas above, not a seeder)."""
        for module in app_modules("demo"):
            seed = getattr(module, "seed", None)
            if seed is not None:
                yield seed
        # The core's monitoring set-up last: its targets name the apps' partners.
        from netw.monitoring.demo import seed as seed_monitoring

        yield seed_monitoring
        # The deliverables register (the core's) links the apps' records: seeded after them.
        from netw.monitoring.demo_deliverables import seed as seed_deliverables

        yield seed_deliverables
        # The open data package last: it publishes what every seeder above made public.
        from netw.opendata.demo import seed as seed_open_data

        yield seed_open_data


@contextmanager
def _quiet():
    """Seeding sends nobody anything: the e-mails the demo's records would trigger (a learner's
    certificate…) go nowhere instead of to the console, and the eager task runner does not log
    each delivery."""
    trace = logging.getLogger("celery.app.trace")
    level = trace.level
    trace.setLevel(logging.WARNING)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            yield
    finally:
        trace.setLevel(level)
