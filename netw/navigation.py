"""The site's navigation: a short main menu of sections, and each section's own menu.

The main menu names what people come for (the inventory, the registry, the sessions, the
calendar); the section menu under it lists the pages of the section the visitor is in. Which
section a page belongs to follows from its URL name, so new pages of an app join their section
without touching the layout; an entry shows only to the people who may open it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netw import roles


@dataclass(frozen=True)
class Entry:
    label: Promise
    url_name: str
    # Who sees the entry: everyone, logged-in people, holders of a permission, coordinators.
    needs_login: bool = False
    perm: str = ""
    coordinators_only: bool = False
    # Other URL names that count as this entry (a list's detail, edit and history pages count
    # already: they share its name up to "_list").
    also: tuple[str, ...] = ()

    def matches(self, view_name: str) -> bool:
        return view_name == self.url_name or view_name in self.also

    def covers(self, view_name: str) -> bool:
        if self.url_name.endswith("_list"):
            return view_name.startswith(self.url_name.removesuffix("list"))
        return view_name.startswith(self.url_name)

    def visible_to(self, user) -> bool:
        if (self.needs_login or self.perm or self.coordinators_only) and not (
                user.is_authenticated):
            return False
        if self.coordinators_only and not roles.is_coordinator(user):
            return False
        return not self.perm or user.has_perm(self.perm)


@dataclass(frozen=True)
class Section:
    key: str
    label: Promise
    entries: tuple[Entry, ...]
    # URL namespaces and names whose pages belong to this section.
    namespaces: tuple[str, ...] = ()
    url_names: tuple[str, ...] = ()
    needs_login: bool = False


SECTIONS: tuple[Section, ...] = (
    Section(
        "methodologies", _("Methodologies"), namespaces=("methodologies",), entries=(
            Entry(_("Inventory"), "methodologies:methodology_list"),
            Entry(_("My methodologies"), "methodologies:methodology_workspace",
                  perm="methodologies.add_methodology"),
            Entry(_("Roundtables"), "methodologies:roundtable_list"),
            Entry(_("Study visits"), "methodologies:studyvisit_list", needs_login=True),
            Entry(_("Matchmaking"), "methodologies:matchmaking",
                  perm="methodologies.view_matchmaking"),
            Entry(_("Publications"), "methodologies:publication_list"),
            Entry(_("Dissemination"), "methodologies:dissemination_list",
                  perm="methodologies.view_disseminationactivity"),
        )),
    Section(
        "sustainability", _("Sustainability"), namespaces=("sustainability",), entries=(
            Entry(_("Good practices"), "sustainability:goodpractice_list"),
            Entry(_("My good practices"), "sustainability:goodpractice_workspace",
                  perm="sustainability.add_goodpractice"),
            Entry(_("Roadmap"), "sustainability:roadmap",
                  also=("sustainability:milestone_create", "sustainability:milestone_edit",
                        "sustainability:milestone_status", "sustainability:milestone_delete")),
            Entry(_("Commitments"), "sustainability:commitment_list",
                  also=("sustainability:commitment_create", "sustainability:commitment_detail",
                        "sustainability:commitment_edit")),
            # --- WP3 long-term action plans (wt-plans) ---
            Entry(_("Action plans"), "sustainability:actionplan_list",
                  perm="sustainability.view_actionplan",
                  also=("sustainability:planaction_list", "sustainability:planaction_create",
                        "sustainability:planaction_edit")),
            Entry(_("Expert meetings"), "sustainability:meeting_list"),
            Entry(_("Policy recommendations"), "sustainability:recommendation_list"),
            Entry(_("My recommendations"), "sustainability:recommendation_workspace",
                  perm="sustainability.add_recommendation"),
            Entry(_("Uptake by country"), "sustainability:uptake_matrix",
                  also=("sustainability:uptake_list", "sustainability:uptake_create")),
        )),
    Section(
        "registry", _("Registry"), namespaces=("providers",), entries=(
            Entry(_("Providers"), "providers:provider_list"),
            Entry(_("Networks"), "providers:network_list"),
            Entry(_("Stakeholders"), "providers:stakeholder_list",
                  perm="providers.view_stakeholder"),
            Entry(_("Map"), "providers:provider_map", also=("providers:network_map",)),
            Entry(_("Countries"), "providers:country_overview"),
            Entry(_("Import providers"), "providers:provider_import",
                  perm="providers.import_providers"),
            Entry(_("Deleted records"), "providers:deleted_list",
                  perm="providers.restore_record"),
        )),
    Section(
        # The site-wide calendar (netw.events) keeps the menu where people found it; the
        # calendar itself is in the main menu (CALENDAR), so not a second time here.
        "sessions", _("Peer sessions"), namespaces=("peersessions", "events"), entries=(
            Entry(_("Sessions"), "peersessions:session_list"),
            Entry(_("Topics"), "peersessions:topic_list"),
            # Every app's actions (netw/actions.py); the page itself belongs to "My home".
            Entry(_("My actions"), "netw:my_actions", needs_login=True),
            Entry(_("My calendar feed"), "events:feed_settings", needs_login=True),
            # The MOOC: the authors' workspace (peersessions/courses/).
            Entry(_("My courses"), "peersessions:course_workspace",
                  perm="peersessions.add_course"),
        )),
    # WP1's MOOC (peersessions/courses/): the public catalogue and the learner's own page.
    Section(
        "courses", _("Courses"), url_names=(
            "peersessions:course_list", "peersessions:course_detail",
            "peersessions:lesson_detail", "peersessions:course_join",
            "peersessions:course_join_sent", "peersessions:my_learning",
            "peersessions:certificate_verify"), entries=(
            Entry(_("Courses"), "peersessions:course_list"),
            Entry(_("My learning"), "peersessions:my_learning", needs_login=True),
        )),
    Section(
        "about", _("About"), url_names=(
            "netw:about", "providers:partner_list", "providers:partner_detail"), entries=(
            Entry(_("The project"), "netw:about"),
            Entry(_("Partners"), "providers:partner_list"),
        )),
    # The indicators against their targets, and the periods and targets they are read for
    # (netw/monitoring): the partners' staff only.
    Section(
        "monitoring", _("Monitoring"), namespaces=("monitoring", "deliverables"),
        needs_login=True, entries=(
            Entry(_("Dashboard"), "monitoring:dashboard", perm="netw.view_monitoring"),
            Entry(_("Deliverables"), "deliverables:list", perm="netw.view_monitoring"),
            Entry(_("Targets"), "monitoring:target_list", perm="netw.view_monitoring"),
            Entry(_("Reporting periods"), "monitoring:period_list", perm="netw.view_monitoring"),
        )),
    Section(
        "mine", _("My home"), needs_login=True,
        namespaces=("notifications", "exports"),
        url_names=("netw:my_home", "netw:my_actions", "netw:profile", "netw:invitation_list",
                   "mfa_index", "mfa_activate_totp", "mfa_deactivate_totp",
                   "mfa_view_recovery_codes", "mfa_generate_recovery_codes",
                   "account_change_password", "account_email"),
        entries=(
            Entry(_("Overview"), "netw:my_home"),
            Entry(_("My actions"), "netw:my_actions"),
            Entry(_("Notifications"), "notifications:list"),
            Entry(_("Notification settings"), "notifications:preferences"),
            Entry(_("My exports"), "exports:list"),
            Entry(_("Profile and security"), "netw:profile"),
            Entry(_("Invitations"), "netw:invitation_list", coordinators_only=True),
            Entry(_("Undelivered e-mails"), "notifications:failed", coordinators_only=True),
        )),
)

# The main menu: the sections, plus the calendar, which everyone looks for by name.
MAIN_MENU = ("methodologies", "sustainability", "registry", "sessions", "calendar", "courses",
             "about", "monitoring", "mine")
CALENDAR = Entry(_("Calendar"), "events:calendar_month",
                 also=("events:calendar_list",))


def current_section(request: HttpRequest) -> Section | None:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    for section in SECTIONS:  # exact names first: the partner pages live in the registry's app
        if match.view_name in section.url_names:
            return section
    for section in SECTIONS:
        if match.namespace and match.namespace in section.namespaces:
            return section
    return None


def _link(request: HttpRequest, label, url_name: str) -> dict:
    url = reverse(url_name)
    # The page itself: aria-current="page"; a page under it (a record's detail): "true".
    return {"label": label, "url": url, "current": "page" if request.path == url else ""}


def _section_links(request: HttpRequest, section: Section, user) -> list[dict]:
    entries = [entry for entry in section.entries if entry.visible_to(user)]
    links = [_link(request, entry.label, entry.url_name) for entry in entries]
    match = getattr(request, "resolver_match", None)
    if match is not None and not any(link["current"] for link in links):
        view_name = match.view_name
        # The entry named after the page wins over one whose sub-pages merely look alike.
        candidates = ([i for i, e in enumerate(entries) if e.matches(view_name)]
                      or [i for i, e in enumerate(entries) if e.covers(view_name)])
        if candidates:
            links[candidates[0]]["current"] = "true"
    return links


def navigation(request: HttpRequest) -> dict:
    """Context processor: ``main_menu`` and ``section_menu`` for the base layout."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    section = current_section(request)
    sections = {s.key: s for s in SECTIONS}
    main = []
    for key in MAIN_MENU:
        if key == "calendar":
            main.append(_link(request, CALENDAR.label, CALENDAR.url_name))
            match = getattr(request, "resolver_match", None)
            if match is not None and CALENDAR.matches(match.view_name):
                main[-1]["current"] = main[-1]["current"] or "true"
            continue
        item = sections[key]
        if item.needs_login and not user.is_authenticated:
            continue
        if not item.entries[0].visible_to(user):  # a section only some may open (monitoring)
            continue
        main.append(_link(request, item.label, item.entries[0].url_name))
        if section is item:
            main[-1]["section"] = True
    # The section is marked as current unless the page itself is in the main menu.
    if not any(link["current"] for link in main):
        for link in main:
            if link.get("section"):
                link["current"] = "true"
    menu = None
    if section is not None and not (section.needs_login and not user.is_authenticated):
        links = _section_links(request, section, user)
        if len(links) > 1:
            menu = {"label": section.label, "links": links}
    return {"main_menu": main, "section_menu": menu}
