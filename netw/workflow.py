"""The one publish workflow of the portal's public items.

Methodologies, publications, good practices and policy recommendations follow the same path
(DESIGN.md): a partner member writes a **draft**, **submits** it, and a reviewer either
**publishes** it or **returns** it to draft with comments. Published items stay editable; the
model's own ``HistoricalRecords`` keeps every version, and :class:`ReviewEvent` keeps the log of
decisions with the reviewers' comments.

Using it in an app::

    from netw.workflow import PublishableModel, PublishableQuerySet

    class GoodPracticeQuerySet(PublishableQuerySet):
        ...                                  # the app's own chainable filters

    class GoodPractice(OwnedModel, PublishableModel):
        work_package = WorkPackage.SUSTAINABILITY  # its leads review it (with coordinators)
        title = ...
        history = HistoricalRecords()
        objects = GoodPracticeQuerySet.as_manager()

        def missing_for_publication(self) -> dict[str, str]:
            return {"summary": _("Write a summary.")} if not self.summary else {}

and in the app's services or views::

    item_decide(item=practice, by=request.user, decision=Decision.PUBLISH, comment="")

    form, done = review_decision(request, practice, gone="sustainability:workspace")
    if done:                                   # a reviewer's page: the decision was recorded
        return done
    return render(request, "…_review.html", {"practice": practice, "form": form})

and for the author's forms::

    if form.is_valid() and not warn_same_title(request, form):  # create view: same-title draft?
        practice = ...save...
        if "submit" in request.POST:                             # refused → its edit page
            return submit_for_review(request, practice, saved=True, edit_url=reverse(...))
    show_requested_missing(request, form, practice)             # edit view: what is missing

or, one transition at a time::

    from netw.workflow import item_submit, item_publish, item_return, WorkflowError

    item_submit(item=practice, by=request.user)                 # author → reviewers notified
    item_publish(item=practice, by=request.user, comment="")    # reviewer → author notified
    item_return(item=practice, by=request.user, comment="…")    # reviewer → author notified

Each service re-reads the row under a lock, checks the permission (``PermissionDenied``) and the
state (``WorkflowError`` with a message fit for the user; nothing changes), records a
``ReviewEvent`` and notifies people after commit. The model must inherit ``OwnedModel`` (its
``owner_partner`` decides who the authors are).

Who may do what, as predicates for the app's ``rules.py``: :data:`is_item_author` (a member of the
owner partner), :data:`is_item_reviewer` (a coordinator, or a lead of the item's work package),
:data:`can_view_item`. ``PublishableQuerySet.visible_to(user)`` is the same rule as a query.

E-mails are the template trios ``<prefix>_review_requested``, ``<prefix>_published`` and
``<prefix>_returned`` with ``prefix = Model.workflow_email_prefix`` (default
``netw/emails/workflow``); the context has ``item``, ``item_kind``, ``actor`` and ``comment``.
"""

from __future__ import annotations

from typing import ClassVar

import rules
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.access import require
from netw.forms import PortalForm


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")


class ReviewEvent(models.Model):
    """One step of an item's workflow: who moved it, from where to where, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")
        RETURNED = "returned", _("returned to draft")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        app_label = "netw"
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.actor} · {self.created_at:%Y-%m-%d}"


# --- Queries -----------------------------------------------------------------------------------


class PublishableQuerySet(models.QuerySet):
    def published(self) -> PublishableQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def submitted(self) -> PublishableQuerySet:
        return self.filter(status=Status.SUBMITTED)

    def drafts(self) -> PublishableQuerySet:
        return self.filter(status=Status.DRAFT)

    def visible_to(self, user) -> PublishableQuerySet:
        """Published items for everyone; an author's partner also sees its drafts and submitted
        items; the leads of the item's work package see what awaits their review; coordinators
        see everything."""
        if roles.is_coordinator(user):
            return self.all()
        condition = Q(status=Status.PUBLISHED)
        partner_ids = roles.partner_ids(user)
        if partner_ids:
            condition |= Q(owner_partner_id__in=partner_ids)
        if int(self.model.work_package) in roles.led_work_packages(user):
            condition |= Q(status=Status.SUBMITTED)
        return self.filter(condition)

    def awaiting_review_by(self, user) -> PublishableQuerySet:
        if roles.is_coordinator(user) or int(self.model.work_package) in roles.led_work_packages(
            user
        ):
            return self.submitted()
        return self.none()


# --- The model mixin ---------------------------------------------------------------------------


class PublishableModel(models.Model):
    """Abstract: the workflow's fields. Combine with ``OwnedModel``; declare ``work_package``."""

    work_package: ClassVar[int]
    workflow_email_prefix: ClassVar[str] = "netw/emails/workflow"

    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False,
                                        db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    review_events = GenericRelation(ReviewEvent)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.status == Status.SUBMITTED

    def missing_for_publication(self) -> dict[str, str]:
        """Field name → what is missing before the item may be submitted or published."""
        return {}

    def last_return(self) -> ReviewEvent | None:
        """The latest 'returned to draft' decision, for showing its comments to the author."""
        return self.review_events.filter(action=ReviewEvent.Action.RETURNED).first()


# --- Permissions -------------------------------------------------------------------------------


@rules.predicate
def is_item_author(user, item) -> bool:
    """A member of the partner that owns the item."""
    return roles.is_owner_member(user, item)


@rules.predicate
def is_item_reviewer(user, item) -> bool:
    """A coordinator, or a lead of the item's work package."""
    return roles.is_coordinator(user) or roles.leads_objects_work_package(user, item)


@rules.predicate
def is_published_item(user, item) -> bool:
    return item is not None and getattr(item, "status", None) == Status.PUBLISHED


@rules.predicate
def is_submitted_item(user, item) -> bool:
    return item is not None and getattr(item, "status", None) == Status.SUBMITTED


can_view_item = (
    is_published_item | roles.is_coordinator | is_item_author
    | (roles.leads_objects_work_package & is_submitted_item)
)
can_edit_item = roles.is_coordinator | is_item_author
can_submit_item = roles.is_coordinator | is_item_author

# For any publishable item, whatever its app: ``require(user, "netw.review_item", item)``.
rules.add_perm("netw.review_item", is_item_reviewer)
rules.add_perm("netw.view_item_history", can_edit_item | is_item_reviewer)


# --- Services ----------------------------------------------------------------------------------


class WorkflowError(Exception):
    """A transition that the item's state does not allow; the message is for the user."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class IncompleteItem(WorkflowError):
    """The item lacks what publication needs; ``errors`` maps field names to messages."""


_REFUSALS = {
    Status.DRAFT: _("This item is still a draft: it has not been submitted for review."),
    Status.SUBMITTED: _("This item has already been submitted and is awaiting review."),
    Status.PUBLISHED: _("This item is already published; nothing was changed."),
}


def _locked(item: PublishableModel) -> PublishableModel:
    """The item's row, locked until the transaction ends: two reviewers acting at once see one
    another's decision instead of both succeeding."""
    return type(item)._default_manager.select_for_update().get(pk=item.pk)


def _require_status(item: PublishableModel, *allowed: str) -> None:
    if item.status not in allowed:
        raise WorkflowError(str(_REFUSALS[Status(item.status)]))


def _require_complete(item: PublishableModel) -> None:
    missing = item.missing_for_publication()
    if missing:
        raise IncompleteItem(
            gettext("Some information is missing before this can be published: %(fields)s.")
            % {"fields": ", ".join(str(_label(item, name)) for name in missing)},
            errors=missing,
        )


def _label(item: PublishableModel, name: str) -> str:
    try:
        return item._meta.get_field(name).verbose_name
    except Exception:  # a pseudo-field such as "attachments"
        return name


def _record(item: PublishableModel, *, action: str, from_status: str, by, comment: str) -> None:
    ReviewEvent.objects.create(
        content_type=ContentType.objects.get_for_model(item, for_concrete_model=True),
        object_id=item.pk, action=action, from_status=from_status, to_status=item.status,
        actor=by, comment=comment,
    )


def _copy_back(source: PublishableModel, target: PublishableModel) -> None:
    for name in ("status", "submitted_at", "submitted_by_id", "published_at", "published_by_id",
                 "updated_by_id", "updated_at"):
        if hasattr(source, name):
            setattr(target, name, getattr(source, name))


def reviewers_of(item: PublishableModel) -> list:
    """People who review the item: the leads of its work package and the coordinators."""
    from netw.models import User

    wp = int(item.work_package)
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(memberships__role=roles.Role.COORDINATOR)
            | Q(memberships__role=roles.Role.WP_LEAD,
                memberships__partner__leads_work_package=wp)
        )
        .distinct()
        .order_by("email")
    )


def authors_of(item: PublishableModel) -> list:
    """Who hears about a decision: whoever submitted it, and whoever created it."""
    people = [item.submitted_by, getattr(item, "created_by", None)]
    return [p for p in people if p is not None]


def _notify(item: PublishableModel, *, which: str, recipients, by, comment: str) -> None:
    from netw.notifications.services import notify

    notify(
        recipients=[r for r in recipients if by is None or r.pk != by.pk],
        kind=f"workflow_{which}",
        template=f"{item.workflow_email_prefix}_{which}",
        context={"item": item, "item_kind": item._meta.verbose_name, "actor": by,
                 "comment": comment},
        url=item.get_absolute_url(),
    )


def _save(item: PublishableModel, by, reason: str) -> None:
    item.updated_by = by
    item._change_reason = reason  # shown in the history
    item.save()


@transaction.atomic
def item_submit(*, item: PublishableModel, by, comment: str = "") -> PublishableModel:
    """Draft → submitted, by a member of the owner partner (or a coordinator)."""
    locked = _locked(item)
    if not can_submit_item(by, locked):
        raise PermissionDenied(gettext("Only the owner partner's members may submit this item."))
    _require_status(locked, Status.DRAFT)
    _require_complete(locked)
    locked.status = Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = by
    _save(locked, by, "submitted for review")
    _record(locked, action=ReviewEvent.Action.SUBMITTED, from_status=Status.DRAFT, by=by,
            comment=comment)
    _notify(locked, which="review_requested", recipients=reviewers_of(locked), by=by,
            comment=comment)
    _copy_back(locked, item)
    return locked


@transaction.atomic
def item_publish(*, item: PublishableModel, by, comment: str = "") -> PublishableModel:
    """Submitted → published, by a reviewer."""
    locked = _locked(item)
    if not is_item_reviewer(by, locked):
        raise PermissionDenied(gettext("Only the work package's leads and the coordinators "
                                       "may publish this item."))
    _require_status(locked, Status.SUBMITTED)
    _require_complete(locked)
    locked.status = Status.PUBLISHED
    locked.published_at = locked.published_at or timezone.now()
    locked.published_by = by
    _save(locked, by, "published")
    _record(locked, action=ReviewEvent.Action.PUBLISHED, from_status=Status.SUBMITTED, by=by,
            comment=comment)
    _notify(locked, which="published", recipients=authors_of(locked), by=by, comment=comment)
    _copy_back(locked, item)
    return locked


@transaction.atomic
def item_return(*, item: PublishableModel, by, comment: str) -> PublishableModel:
    """Submitted → draft with the reviewer's comments, by a reviewer."""
    locked = _locked(item)
    if not is_item_reviewer(by, locked):
        raise PermissionDenied(gettext("Only the work package's leads and the coordinators "
                                       "may return this item."))
    _require_status(locked, Status.SUBMITTED)
    if not comment.strip():
        raise WorkflowError(gettext("Say what should change: the comments go to the author."),
                            errors={"comment": gettext("This field is required.")})
    locked.status = Status.DRAFT
    _save(locked, by, "returned to draft")
    _record(locked, action=ReviewEvent.Action.RETURNED, from_status=Status.SUBMITTED, by=by,
            comment=comment)
    _notify(locked, which="returned", recipients=authors_of(locked), by=by, comment=comment)
    _copy_back(locked, item)
    return locked


class Decision(models.TextChoices):
    """What a reviewer decides about a submitted item."""

    PUBLISH = "publish", _("Publish")
    RETURN = "return", _("Return to the author with comments")


def item_decide(*, item: PublishableModel, by, decision: str, comment: str = ""
                ) -> PublishableModel:
    """A reviewer's decision on a submitted item: publish it, or return it to its authors with
    comments. The one place that turns a decision into :func:`item_publish` or
    :func:`item_return`, for every app's reviewed items."""
    if decision == Decision.PUBLISH:
        return item_publish(item=item, by=by, comment=comment)
    if decision == Decision.RETURN:
        return item_return(item=item, by=by, comment=comment)
    raise ValueError(f"Unknown review decision: {decision!r}")


# --- The reviewer's form and view helper -------------------------------------------------------


class ReviewDecisionForm(PortalForm):
    """Return (with a comment, required) or publish (once the reviewer confirms having read the
    page as the public will see it: one stray press must not publish)."""

    # Sent by the button pressed (templates/netw/includes/review_decision.html).
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.HiddenInput,
                                 choices=Decision.choices)
    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(
        attrs={"rows": 4}), help_text=_("Required when you return the item. The author sees it."))
    confirm_public = forms.BooleanField(
        label=_("I have read the page as the public will see it"), required=False,
        help_text=_("Required to publish."))

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what should change: the comments go to the author."))
        if data.get("decision") == Decision.PUBLISH and not data.get("confirm_public"):
            self.add_error("confirm_public", _("Tick this box to confirm that you have read the "
                                               "page as the public will see it: nothing was "
                                               "published."))
        return data


def review_decision(request, item: PublishableModel, *, gone: str
                    ) -> tuple[ReviewDecisionForm, HttpResponse | None]:
    """The reviewer's side of every reviewed item's page, for the app's view.

    Checks that the person reviews this item (403 otherwise), reads the decision form and, on a
    valid POST, records the decision through :func:`item_decide` and says so. Returns the form
    (unbound on GET, with its errors on an invalid POST: the view shows it) and the redirect to
    follow once a decision was handled (else ``None``): back to the item, or to ``gone`` (a URL
    or URL name) when the decision took the item out of the reviewer's sight — a returned draft
    is its authors' again, and a lead of another partner no longer sees it.
    """
    require(request.user, "netw.review_item", item)
    form = ReviewDecisionForm(request.POST if request.method == "POST" else None,
                              user=request.user)
    if request.method != "POST" or not form.is_valid():
        return form, None
    try:
        item_decide(item=item, by=request.user, decision=form.cleaned_data["decision"],
                    comment=form.cleaned_data["comment"])
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return form, redirect(item)
    messages.success(request, gettext("Published: it is now public.") if item.is_published
                     else gettext("Returned to the author with your comments."))
    model = type(item)
    if not model._default_manager.visible_to(request.user).filter(pk=item.pk).exists():
        return form, redirect(gone)
    return form, redirect(item)


def submit_for_review(request, item: PublishableModel, *, comment: str = "", edit_url: str = "",
                      saved: bool = False) -> HttpResponse:
    """The author's side of every reviewed item's page, for the app's view: submit the saved item
    (the view has checked that the person may change it) and say what happened.

    When the public page still needs fields, the item stays a draft: the person is told what is
    missing (``saved``: the view has just saved the draft, and says so) and taken to the item's
    edit page (``edit_url``), where :func:`show_requested_missing` puts a message next to each
    missing field. An item without an edit form for them (``edit_url`` empty) gets the messages
    on its page instead.
    """
    try:
        item_submit(item=item, by=request.user, comment=comment)
    except IncompleteItem as exc:
        if saved:
            messages.error(request, gettext(
                "Your draft was saved. It cannot be submitted yet: %(fields)s."
            ) % {"fields": ", ".join(str(_label(item, name)) for name in exc.errors)})
        else:
            messages.error(request, exc.message)
        if edit_url:
            return redirect(f"{edit_url}?{MISSING_PARAMETER}=1")
        for message in exc.errors.values():
            messages.error(request, message)
        return redirect(item)
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return redirect(item)
    messages.success(request, gettext(
        "Submitted. The work package %(number)d leads have been asked to review it."
    ) % {"number": int(type(item).work_package)})
    return redirect(item)


# The edit page's query parameter that asks for the missing fields to be shown.
MISSING_PARAMETER = "missing"


def show_requested_missing(request, form: forms.BaseForm, item: PublishableModel
                           ) -> forms.BaseForm:
    """For the item's edit view: after a refused submission (:func:`submit_for_review` sends the
    person to ``?missing=1``), the unbound form shows what the item still lacks next to each
    field and in the error summary."""
    if request.method == "GET" and request.GET.get(MISSING_PARAMETER) and item.is_draft:
        missing = item.missing_for_publication()
        if missing:
            show_missing(form, missing)
    return form


def show_missing(form: forms.BaseForm, missing: dict[str, str]) -> forms.BaseForm:
    """Put the 'required for publication' messages of :class:`IncompleteItem` next to the fields
    of an unbound form on the saved item (what is not a field goes above the form)."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    for name, message in missing.items():
        form.add_error(name if name in form.fields else None, message)
    return form


# --- The same title twice ----------------------------------------------------------------------

# Sent back by the create form once the person has seen the warning: save anyway.
SAME_TITLE_PARAMETER = "same_title_seen"


def drafts_titled(model: type[PublishableModel], user, title: str, *, partner_id
                  ) -> PublishableQuerySet:
    """The drafts of the partner ``partner_id`` with this title (whatever its case) that ``user``
    may see: what a new item of ``model`` would duplicate. Another partner's drafts are never
    among them unless the person may see them anyway (a coordinator)."""
    title = (title or "").strip()
    if not title or partner_id is None:
        return model._default_manager.none()
    return (model._default_manager.visible_to(user).drafts()
            .filter(owner_partner_id=partner_id, title__iexact=title))


def warn_same_title(request, form: forms.BaseModelForm, *, field: str = "title") -> bool:
    """For a create view, once ``form`` is valid: whether to show the form again, because its
    partner already has a draft with the same title (a person starting again after a refused
    submission made duplicates). The warning sits next to the title with a link to that draft;
    saving again saves anyway (the form then carries :data:`SAME_TITLE_PARAMETER`)."""
    if request.method != "POST" or request.POST.get(SAME_TITLE_PARAMETER):
        return False
    item = form.instance
    existing = (drafts_titled(type(item), request.user, getattr(item, field, ""),
                              partner_id=getattr(item, "owner_partner_id", None))
                .order_by("-pk").first())
    if existing is None:
        return False
    link = format_html('<a href="{}">{}</a>', existing.get_absolute_url(), existing.title)
    text = conditional_escape(gettext(
        "Your partner already has a draft with this title: %(link)s. Open it to continue it, "
        "or save again to create another draft anyway."))
    form.fields[field].warning = mark_safe(text % {"link": link})  # noqa: S308 - both escaped
    form.fields[SAME_TITLE_PARAMETER] = forms.CharField(widget=forms.HiddenInput,
                                                        required=False)
    form.data = form.data.copy()
    form.data[SAME_TITLE_PARAMETER] = "1"
    return True


# --- Notification kinds ------------------------------------------------------------------------


def _register_kinds() -> None:
    from netw.notifications import kinds

    kinds.register("workflow_review_requested", _("An item awaits your review"),
                   kinds.Delivery.IMMEDIATELY)
    kinds.register("workflow_published", _("An item you submitted was published"),
                   kinds.Delivery.IMMEDIATELY)
    kinds.register("workflow_returned", _("An item you submitted was returned with comments"),
                   kinds.Delivery.IMMEDIATELY)


_register_kinds()
