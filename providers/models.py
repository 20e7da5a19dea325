from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw import roles
from netw.geo.models import Located, LocatedQuerySet
from netw.models import OwnedModel
from netw.recoverable import AliveManager, RecoverableModel, RecoverableQuerySet
from netw.roles import Role
from netw.uploads import FileCheck, private_storage
from netw.workpackages import WorkPackage
from providers.vocabulary import (
    LegalForm,
    Level,
    Maturity,
    SectorCode,
    StakeholderKind,
    TargetGroupCode,
    Verification,
)

LOGO_EXTENSIONS = ["png", "jpg", "jpeg"]
LOGO_MAX_BYTES = 1024 * 1024


def partner_logo_path(partner: Partner, filename: str) -> str:
    """Kept privately and served by the partner's logo view (netw.uploads); a new logo gets a new
    name, so the history's earlier versions still point at their own file."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"partners/{partner.slug}/logo-{timezone.now():%Y%m%d%H%M%S}.{extension}"


class PartnerQuerySet(models.QuerySet):
    def visible_to(self, user) -> PartnerQuerySet:
        """The eight partners are public: everyone sees them."""
        return self.all()

    def with_member_counts(self) -> PartnerQuerySet:
        return self.annotate(member_count=models.Count("memberships", distinct=True))


class Partner(models.Model):
    """One of the eight partner organisations of the project."""

    slug = models.SlugField(_("slug"), unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    name = models.CharField(_("full name"), max_length=200)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    leads_work_package = models.PositiveSmallIntegerField(
        _("leads work package"), choices=WorkPackage.choices, null=True, blank=True, unique=True,
    )
    is_project_leader = models.BooleanField(_("project leader"), default=False)
    # The partner's own profile, edited by its members (providers/views/partners.py).
    logo = models.FileField(
        _("logo"), storage=private_storage, upload_to=partner_logo_path, max_length=255,
        blank=True, validators=[FileCheck(LOGO_EXTENSIONS, max_bytes=LOGO_MAX_BYTES)],
        help_text=_("A PNG or JPEG image of at most 1 MB."),
    )
    email = models.EmailField(_("general e-mail"), blank=True)
    phone = models.CharField(_("general phone"), max_length=40, blank=True)

    history = HistoricalRecords()
    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("providers:partner_detail", args=[self.slug])

    def open_graph_image(self) -> str:
        """The partner's logo, served publicly by its view (netw/opengraph.py)."""
        return reverse("providers:partner_logo", args=[self.slug]) if self.logo else ""

    @property
    def shows_full_name(self) -> bool:
        """Whether the full name says more than the short one ("CDI Macedonia (CDI Macedonia)")."""
        return bool(self.name) and self.name.strip() != self.short_name.strip()


class PartnerPersonQuerySet(models.QuerySet):
    def visible_to(self, user) -> PartnerPersonQuerySet:
        """Visitors see the people who agreed to be shown; the registry's people see everyone."""
        if roles.is_partner_member(user) or roles.is_coordinator(user):
            return self.all()
        return self.filter(show_publicly=True)


class PartnerPerson(models.Model):
    """Someone who works on the project at a partner, listed on the partner's page."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="people")
    name = models.CharField(_("name"), max_length=200)
    project_role = models.CharField(_("role in the project"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    show_publicly = models.BooleanField(
        _("shown on the public page"), default=False,
        help_text=_("Only with this person's consent. Otherwise only the partners' people see "
                    "them."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    objects = PartnerPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person in the project")
        verbose_name_plural = _("people in the project")
        ordering = ["partner", "position", "name"]

    def __str__(self) -> str:
        return f"{self.name} · {self.partner}"


class Membership(models.Model):
    """A person's place in a partner organisation, with the role that decides what they may do."""

    Role = Role

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["partner__short_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partner"], name="one_membership_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.partner} · {self.get_role_display()}"


# --- The registry: networks, providers, stakeholders -------------------------------------------


def _label(choices, code: str) -> str:
    """The translated label of one code. (``get_FOO_display`` translates every label of the
    vocabulary to find one: lists showing a few hundred of them spent most of their time there.)
    """
    try:
        return str(choices(code).label)
    except ValueError:  # a code no longer in the vocabulary
        return code


class Sector(models.Model):
    """An economic sector a provider trains and employs people in (see ``providers.vocabulary``)."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=SectorCode.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["position"]

    def __str__(self) -> str:
        return _label(SectorCode, self.code)


class TargetGroup(models.Model):
    """A group of people a provider works with (see ``providers.vocabulary``)."""

    code = models.CharField(_("code"), max_length=40, unique=True,
                            choices=TargetGroupCode.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position"]

    def __str__(self) -> str:
        return _label(TargetGroupCode, self.code)


class RegistryQuerySet(RecoverableQuerySet):
    """What the three kinds of registry records share."""

    def in_country(self, code: str):
        return self.filter(country=code)

    def registered_by(self, partner):
        return self.filter(owner_partner=partner)


class RegistryRecord(OwnedModel, RecoverableModel):
    """Abstract: a registry record, written by a partner in one language, deleted recoverably.

    ``contact_*`` fields are shown to logged-in partners (``providers.view_contact``), and to
    visitors only when the contact person agreed (``contact_listed_with_consent``)."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True, max_length=300)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_listed_with_consent = models.BooleanField(
        _("The contact person agreed to be listed publicly"), default=False,
        help_text=_("Only then do visitors see the contact person's name, e-mail and phone. "
                    "Partners always see them."),
    )
    language = models.CharField(
        _("language of this record"), max_length=10, choices=settings.LANGUAGES, default="en",
        help_text=_("The language the name and description are written in."),
    )

    # The fields visitors see only with the contact person's consent (open data: never).
    CONTACT_FIELDS = ("contact_person", "contact_email", "contact_phone")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def contact_visible_to(self, user) -> bool:
        """Partners see the contact person; visitors only when that person agreed."""
        return self.contact_listed_with_consent or user.has_perm("providers.view_contact")


class PlaceableQuerySet(LocatedQuerySet, RegistryQuerySet):
    """Providers and networks: records with a place on the map (netw.geo)."""

    def to_place_by(self, user):
        """The records not on the map that ``user`` is asked to place: their partners' ones;
        every one for the registry's reviewers (coordinators, WP1 leads), who follow the map."""
        from providers.rules import is_registry_reviewer

        queryset = self.not_on_the_map()
        if is_registry_reviewer(user):
            return queryset
        return queryset.filter(owner_partner_id__in=roles.partner_ids(user))


class NetworkQuerySet(PlaceableQuerySet):
    def visible_to(self, user):
        """Networks are public: everyone sees every network that is not deleted."""
        return self.all()

    def for_list(self):
        # The member count as a subquery per row, not a join and GROUP BY over every link: the
        # database counts for the page's twenty networks only (the paginator's COUNT drops it).
        links = (Provider.networks.through.objects
                 .filter(network=models.OuterRef("pk"), provider__deleted_at__isnull=True)
                 .order_by().values("network").annotate(n=models.Count("pk")).values("n"))
        return self.select_related("owner_partner", "representing_partner").annotate(
            provider_count=Coalesce(models.Subquery(links), 0),
        ).order_by("name", "pk")


class Network(RegistryRecord, Located):
    """A network of work-based adult education providers."""

    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    region = models.CharField(_("region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True,
                            help_text=_("Where the network is based; it places the network on "
                                        "the map."))
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.EMERGING,
        help_text=_("Study visits pair an emerging network with an established one."),
    )
    representing_partner = models.ForeignKey(
        Partner, verbose_name=_("represented by partner"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="represented_networks",
        help_text=_("The project partner that represents this network, if any."),
    )
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = AliveManager.from_queryset(NetworkQuerySet)()
    all_objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "level"]),
                   models.Index(fields=["name", "id"], name="providers_network_name_id")]

    def get_absolute_url(self) -> str:
        return reverse("providers:network_detail", args=[self.pk])


class ProviderQuerySet(PlaceableQuerySet):
    def verified(self):
        return self.filter(verification=Verification.VERIFIED)

    def with_verified_at(self):
        """Each provider's ``verified_at``: when its history first shows it verified (the
        provider has no field of its own for it), else when it was created. One subquery in the
        same SELECT, however many rows."""
        first = (Provider.history.model.objects
                 .filter(id=models.OuterRef("pk"), verification=Verification.VERIFIED)
                 .order_by("history_date").values("history_date")[:1])
        return self.annotate(verified_at=Coalesce(models.Subquery(first), "created_at"))

    def visible_to(self, user):
        """Verified providers for everyone; a partner's own providers for its members, whatever
        their status; every provider for the people who verify them (coordinators, WP1 leads)."""
        from providers.rules import is_registry_reviewer

        if is_registry_reviewer(user):
            return self.all()
        condition = Q(verification=Verification.VERIFIED)
        partner_ids = roles.partner_ids(user)
        if partner_ids:
            condition |= Q(owner_partner_id__in=partner_ids)
        return self.filter(condition)

    def for_list(self):
        return self.select_related("owner_partner").prefetch_related(
            "sectors", "target_groups", "networks",
        ).order_by("name", "pk")


# The history of a provider includes its sectors, target groups and networks. Kept in a name so
# that services can write one history record after the many-to-many fields are set (see
# providers.services.record_save), instead of one per field changed.
provider_history = HistoricalRecords(
    excluded_fields=["updated_at"], m2m_fields=["sectors", "target_groups", "networks"],
)


class Provider(RegistryRecord, Located):
    """A work-based adult education provider, often a work integration social enterprise."""

    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices,
                                  blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True,
                                     related_name="providers")
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("target groups"),
                                           blank=True, related_name="providers")
    learners_per_year = models.PositiveIntegerField(
        _("learners per year"), null=True, blank=True,
        help_text=_("People in training or guidance during a year."),
    )
    workers_per_year = models.PositiveIntegerField(
        _("workers per year"), null=True, blank=True,
        help_text=_("People in a work-integration job during a year."),
    )
    networks = models.ManyToManyField(Network, verbose_name=_("networks"), blank=True,
                                      related_name="providers")
    verification = models.CharField(_("verification status"), max_length=20,
                                    choices=Verification.choices,
                                    default=Verification.UNVERIFIED, db_index=True)

    history = provider_history
    objects = AliveManager.from_queryset(ProviderQuerySet)()
    all_objects = ProviderQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]
        permissions = [("verify_provider", _("Can verify providers"))]
        # The lists' order (name, then id: netw.filters' sort): read in order, not sorted.
        indexes = [models.Index(fields=["country", "verification"]),
                   models.Index(fields=["name", "id"], name="providers_provider_name_id")]

    def get_absolute_url(self) -> str:
        return reverse("providers:provider_detail", args=[self.pk])

    @property
    def is_verified(self) -> bool:
        return self.verification == Verification.VERIFIED


class StakeholderQuerySet(RegistryQuerySet):
    def visible_to(self, user):
        """Stakeholders are the partners' working map: logged-in partners see them all."""
        from providers.rules import is_registry_member

        return self.all() if is_registry_member(user) else self.none()

    def for_list(self):
        return self.select_related("owner_partner").order_by("name", "pk")


class Stakeholder(RegistryRecord):
    """Another key actor of the mapping: an authority, a funder, a union, a research body…"""

    kind = models.CharField(_("type"), max_length=30, choices=StakeholderKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    region = models.CharField(_("region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = AliveManager.from_queryset(StakeholderQuerySet)()
    all_objects = StakeholderQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "level"])]

    def get_absolute_url(self) -> str:
        return reverse("providers:stakeholder_detail", args=[self.pk])


# --- Imports: the job of one uploaded file, and the words each person's files use ----------------


class ProviderImportQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProviderImportQuerySet:
        """An import is its uploader's alone: its rows are their file's, not yet the registry's."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(uploaded_by=user)


class ProviderImport(models.Model):
    """One uploaded file on its way into the registry, and the record of the work it causes.

    The request stores the file and this row; a task reads and checks the file (the rows read
    and the preview are kept here, so nothing reads the file again); after the person confirms,
    a task writes the rows. The preview page reads status and progress from here.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("waiting to be checked")
        CHECKING = "checking", _("being checked")
        READY = "ready", _("ready for review")
        IMPORTING = "importing", _("being imported")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    WORKING = (Status.UPLOADED, Status.CHECKING, Status.IMPORTING)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE,
        related_name="provider_imports",
    )
    partner = models.ForeignKey(Partner, verbose_name=_("for partner"), on_delete=models.CASCADE,
                                related_name="provider_imports")
    file_name = models.CharField(_("file"), max_length=200)
    # The file waits in the private imports folder under a random name (providers.imports).
    stored_name = models.CharField(max_length=80, editable=False)
    extension = models.CharField(max_length=4, editable=False)
    # "auto" (detect), or the encoding the person chose for a CSV file.
    encoding = models.CharField(_("encoding"), max_length=20, default="auto")
    detected_encoding = models.CharField(_("read as"), max_length=20, blank=True)
    language = models.CharField(_("language of the records"), max_length=10)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.UPLOADED)
    rows_done = models.PositiveIntegerField(_("rows handled"), default=0)
    rows_total = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    # What the file holds, as read once: {"columns": [...], "notes": [...], "records":
    # [[line, {column: text}], ...]}. Empty until read, and again once imported.
    table = models.JSONField(default=dict, blank=True, editable=False)
    # The preview: every row's fate, the unknown words and those mapped (providers.imports).
    analysis = models.JSONField(default=dict, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ProviderImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider import")
        verbose_name_plural = _("provider imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["uploaded_by", "status"])]

    def __str__(self) -> str:
        return f"{self.file_name} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("providers:provider_import_preview", args=[self.pk])

    @property
    def is_working(self) -> bool:
        return self.status in self.WORKING

    @property
    def progress(self) -> int:
        if not self.rows_total:
            return 0
        return min(99, int(self.rows_done * 100 / self.rows_total))


class ImportValueMapping(models.Model):
    """A word of someone's files that means a code of the registry's vocabulary ("food" in the
    sectors column → catering), remembered so that their next file is mapped the same way."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                             on_delete=models.CASCADE, related_name="import_value_mappings")
    column = models.CharField(_("column"), max_length=30)
    # Folded (providers.imports.fold): "Food " and "food" are one word.
    source = models.CharField(_("value in the file"), max_length=200)
    code = models.CharField(_("code"), max_length=60)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("import value mapping")
        verbose_name_plural = _("import value mappings")
        constraints = [
            models.UniqueConstraint(fields=["user", "column", "source"],
                                    name="one_mapping_per_value"),
        ]

    def __str__(self) -> str:
        return f"{self.column}: {self.source} → {self.code}"
