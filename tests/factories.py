import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from netw.demo import DEMO_TOTP_SECRET
from netw.models import Invitation, User
from netw.roles import Role
from providers.models import (
    Membership,
    Network,
    Partner,
    Provider,
    Sector,
    Stakeholder,
    TargetGroup,
)
from providers.vocabulary import LegalForm, Level, Maturity, StakeholderKind, Verification

DEFAULT_PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def email_address(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted:
            TOTP.activate(self, DEMO_TOTP_SECRET)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partner = factory.LazyFunction(lambda: Partner.objects.get(slug="a3s"))
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    partner = factory.LazyFunction(lambda: Partner.objects.get(slug="a3s"))
    role = Role.MEMBER
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))


# --- The registry ------------------------------------------------------------------------------


def _partner(slug: str = "a3s"):
    return factory.LazyFunction(lambda: Partner.objects.get(slug=slug))


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Network of social enterprises {n}")
    level = Level.NATIONAL
    country = "PT"
    maturity = Maturity.EMERGING
    owner_partner = _partner()


class ProviderFactory(factory.django.DjangoModelFactory):
    """A verified provider of partner A (A3S) unless told otherwise."""

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Work integration enterprise {n}")
    country = "PT"
    city = "Lisbon"
    legal_form = LegalForm.COOPERATIVE
    website = factory.Sequence(lambda n: f"https://provider{n}.example.org")
    contact_person = "Maria Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@provider.example.org")
    contact_phone = "+351 21 000 0000"
    verification = Verification.VERIFIED
    owner_partner = _partner()

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(Sector.objects.filter(code__in=extracted))

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(TargetGroup.objects.filter(code__in=extracted))

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        if create and extracted:
            self.networks.set(extracted)


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    name = factory.Sequence(lambda n: f"Ministry of Labour {n}")
    kind = StakeholderKind.PUBLIC_AUTHORITY
    level = Level.NATIONAL
    country = "PT"
    contact_email = factory.Sequence(lambda n: f"office{n}@gov.example.org")
    owner_partner = _partner()
