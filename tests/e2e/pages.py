"""The hand-kept main pages: the keyboard and language walks' list, and the accessibility walk's
extras (tests/e2e/walk.py derives that walk's pages from the access matrix, so a new page joins
it with its matrix row; add one here for what the matrix cannot give: a form filled in or pressed
by its button, a query string, another persona's view, or a page for the keyboard walk).

To keep an app's list beside its tests, use a ``PAGES`` list in ``tests/<app>/main_pages.py``,
merged in below. Each page is visited as its
persona; ``url`` is a path or a function of the access matrix's objects (``tests/<app>/
access_rows.py`` ``objects()``: records of partner A, drafts included). A page with ``submit``
is shown after pressing that button, with ``fill`` typed in first (label → value): the form with
its errors.

Personas: anonymous, member_a, member_b, lead, coordinator (tests/access.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD


@dataclass(frozen=True)
class Page:
    name: str
    url: str | Callable[[dict], str]
    persona: str = "anonymous"
    submit: str | None = None  # accessible name of the button to press: the form with errors
    fill: dict[str, str] = field(default_factory=dict)
    keyboard: bool = True  # walked by the keyboard test (not needed for error variants)
    matrix: str = ""  # the access matrix's row it comes from (tests/e2e/walk.py)

    def path(self, objects: dict) -> str:
        if callable(self.url):
            return self.url(objects)
        return reverse(self.url) if ":" in self.url or not self.url.startswith("/") else self.url

    @property
    def slug(self) -> str:
        return f"{self.name}-{self.persona}".replace(" ", "-").replace("/", "-").lower()


MAIN_PAGES: list[Page] = [
    # The public site
    Page("home", "netw:home"),
    Page("about", "netw:about"),
    Page("partners", "providers:partner_list"),
    Page("partner", lambda o: reverse("providers:partner_detail", args=["a3s"])),
    Page("login", "account_login"),
    Page("login wrong password", "account_login", submit="Log in", keyboard=False,
         fill={"Email": "owner@a3s.example.org", "Password": "not-the-password"}),
    Page("password reset", "account_reset_password"),
    Page("password reset empty", "account_reset_password", submit="Reset My Password",
         keyboard=False),
    Page("signup closed", "account_signup"),
    Page("invitation", lambda o: reverse("netw:invitation_accept", args=[o["invitation"].token])),
    Page("invitation empty", lambda o: reverse("netw:invitation_accept",
                                               args=[o["invitation"].token]),
         submit="Create my account", keyboard=False),
    # The registry (objects of partner A: tests/providers/access_rows.py)
    Page("providers", "providers:provider_list"),
    Page("providers filtered", lambda o: reverse("providers:provider_list") + "?country=PT&q=a"),
    Page("provider", lambda o: reverse("providers:provider_detail",
                                       args=[o["registry.provider"].pk])),
    Page("networks", "providers:network_list"),
    Page("network", lambda o: reverse("providers:network_detail",
                                      args=[o["registry.network"].pk])),
    # A member of partner A
    Page("providers", "providers:provider_list", persona="member_a"),
    Page("stakeholders", "providers:stakeholder_list", persona="member_a"),
    Page("stakeholder", lambda o: reverse("providers:stakeholder_detail",
                                          args=[o["registry.stakeholder"].pk]),
         persona="member_a"),
    Page("home", "netw:home", persona="member_a"),
    Page("my home", "netw:my_home", persona="member_a"),
    Page("profile", "netw:profile", persona="member_a"),
    Page("change password", "account_change_password", persona="member_a"),
    Page("change password wrong", "account_change_password", persona="member_a",
         submit="Change Password", keyboard=False,
         fill={"Current Password": "wrong", "New Password": "short",
               "New Password (again)": "other"}),
    Page("two-factor", "mfa_index", persona="member_a"),
    Page("partners", "providers:partner_list", persona="member_a"),
    Page("partner dashboard", lambda o: reverse("providers:partner_detail", args=["a3s"]),
         persona="member_a"),
    # A work-package lead and the coordinator
    Page("my home", "netw:my_home", persona="lead"),
    Page("my home", "netw:my_home", persona="coordinator"),
    Page("invitations", "netw:invitation_list", persona="coordinator"),
    Page("invitations empty", "netw:invitation_list", persona="coordinator",
         submit="Send invitation", keyboard=False),
    # The trust pages (netw/trust.py)
    Page("privacy", "netw:privacy"),
    Page("accessibility statement", "netw:accessibility"),
    Page("contact", "netw:contact"),
    Page("contact empty", "netw:contact", submit="Send the message", keyboard=False),
]

# Apps that keep their own list in tests/<app>/main_pages.py (PAGES = [Page(...), ...]).
APPS = ["providers", "peersessions", "methodologies", "sustainability", "notifications",
        "exports"]
for _app in APPS:
    try:
        MAIN_PAGES += import_module(f"tests.{_app}.main_pages").PAGES
    except ModuleNotFoundError as _exc:
        if _exc.name not in (f"tests.{_app}", f"tests.{_app}.main_pages"):
            raise

PASSWORD = DEFAULT_PASSWORD

# "Your data" (netw/accounts/your_data.py): the summary, the printable version, and the closing
# form sent without the password (its error; nothing is closed).
MAIN_PAGES += [
    Page("your data", "netw:your_data", persona="member_a"),
    Page("your data printable", "netw:your_data_print", persona="member_a"),
    Page("your data close without password", "netw:your_data", persona="member_a",
         submit="Close my account", keyboard=False),
]
