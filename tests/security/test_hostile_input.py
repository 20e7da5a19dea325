"""Hostile input into every form the portal renders: inert or refused, never a 500.

The forms are discovered, not listed: every GET row of the access matrix is rendered for each
persona that may see it, and every ``<form>`` in the HTML is collected (one per action, method and
set of field names). Each field of each form then receives, one at a time, markup, script, SQL
fragments, right-to-left and zero-width characters, a NUL byte, control characters (an ANSI colour
code, a bell, a vertical tab), emoji and a 100,000-character string — and each choice field ids
beyond the database's integer range — the other fields keeping a valid value: the form's own
pre-filled values, or those given in BASELINES below (or ``BASELINES`` in
``tests/<app>/hostile_input.py``), keyed by the URL name of the form's action.

Every attempt runs in a savepoint rolled back afterwards, so each starts from the same data.
Checks: no 500; no markup from the payload comes back unescaped, on the answer or on the page a
redirect leads to; a form shown again after a POST shows an error; no query ever carries a
NUL byte to the database (PostgreSQL refuses them: a form must reject them with a field error);
and nothing written to the database carries a control character (they break the XML outputs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import import_module
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve

from netw.text import strip_control_chars
from tests.access import PERSONAS
from tests.factories import DEFAULT_PASSWORD
from tests.netw.test_access_matrix import APPS, MATRIX, objects  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

# Script that would run if shown unescaped (<b> may come back: rich text allows some markup).
MARKERS = ['<script>alert("netw-xss")', '<img src=x onerror=alert("netw-xss")']
# Four strings cover the kinds of hostile input; each field receives each of them in turn.
PAYLOADS = {
    "markup and script": '<b>netw-bold</b> <script>alert("netw-xss")</script>'
                         '"><img src=x onerror=alert("netw-xss")>',
    "SQL, bidi, zero-width, emoji": "'; DROP TABLE netw_user; -- \" OR 1=1 -- "
                                    "\u202eevil.exe\u202c \u200b\u200c\u200d\ufeff "
                                    "🧑🏽‍🏫 Ñandú 漢字",
    "NUL byte": "before\x00after",
    "control characters": "netw-ctl \x1b[0;31mred\x1b[0m bell\x07 vertical\x0btab",
    "100,000 characters": "x" * 100_000,
}
# Ids a database cannot compare: SQLite raised OverflowError, PostgreSQL a DataError.
ID_PAYLOADS = {"id over 10^22": "99999999999999999999999", "id of 2^63": str(2**63)}
CHOICE_KINDS = {"select", "checkbox", "radio"}
CHOICE_PAYLOADS = {"markup and script", "NUL byte", *ID_PAYLOADS}
ERROR_SIGNS = ("errorlist", "form-errors", 'aria-invalid="true"', 'role="alert"')
NOT_FUZZED = {"csrfmiddlewaretoken"}

# Valid values for the fields a rendered form leaves empty, by the URL name of its action.
BASELINES: dict[str, Callable[[dict], dict[str, str]]] = {
    "netw:invitation_list": lambda o: {"email": "new.person@example.org",
                                       "partner": str(o["partner_a"].pk), "role": "member",
                                       "language": "en"},
    "netw:invitation_accept": lambda o: {"first_name": "Ana", "last_name": "Petrovska",
                                         "password1": "a-long-enough-passphrase",
                                         "password2": "a-long-enough-passphrase"},
    "account_login": lambda o: {"login": "owner@a3s.example.org", "password": DEFAULT_PASSWORD},
    "account_change_password": lambda o: {"oldpassword": DEFAULT_PASSWORD,
                                          "password1": "a-long-enough-passphrase",
                                          "password2": "a-long-enough-passphrase"},
    "account_reset_password": lambda o: {"email": "owner@a3s.example.org"},
    "account_reauthenticate": lambda o: {"password": DEFAULT_PASSWORD},
}
for _app in APPS:
    try:
        BASELINES.update(import_module(f"tests.{_app}.hostile_input").BASELINES)
    except ModuleNotFoundError as _exc:
        if _exc.name not in (f"tests.{_app}", f"tests.{_app}.hostile_input"):
            raise


# --- Finding the forms -------------------------------------------------------------------------


@dataclass
class FoundForm:
    page: str
    persona: str
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name → default value
    kinds: dict[str, str] = field(default_factory=dict)  # name → input type / tag
    submit: tuple[str, str] | None = None

    @property
    def key(self) -> tuple:
        # A create and an edit page share their form: one of them is enough.
        return (self.method, tuple(sorted(self.fields)))

    @property
    def view_name(self) -> str:
        try:
            return resolve(self.action).view_name
        except Resolver404:
            return self.action


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self.current = page_url, [], None
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, a.get("action") or self.page_url)
            self.current = {"action": action, "method": (a.get("method") or "get").lower(),
                            "fields": {}, "kinds": {}, "submit": None}
            self.forms.append(self.current)
            return
        if self.current is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind == "submit":
                self.current["submit"] = self.current["submit"] or (name, a.get("value", ""))
            elif kind in ("checkbox", "radio"):
                if "checked" in a or name not in self.current["fields"]:
                    self.current["fields"][name] = a.get("value", "on") if "checked" in a else \
                        self.current["fields"].get(name, "")
                self.current["kinds"][name] = kind
            elif kind != "file":
                self.current["fields"][name] = a.get("value", "")
                self.current["kinds"][name] = kind
        elif tag == "button" and name and (a.get("type") or "submit") == "submit":
            self.current["submit"] = self.current["submit"] or (name, a.get("value", ""))
        elif tag == "select" and name:
            self.select = name
            self.current["fields"][name] = ""
            self.current["kinds"][name] = "select"
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if "selected" in a or not self.current["fields"][self.select]:
                self.current["fields"][self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.current["fields"][name] = ""
            self.current["kinds"][name] = "textarea"

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current["fields"][self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _session_clients(personas: dict) -> dict[str, Client]:
    clients = {}
    for persona in PERSONAS:
        clients[persona] = Client(raise_request_exception=False)
        if personas[persona] is not None:
            clients[persona].force_login(personas[persona])
    return clients


def discover_forms(personas: dict, records: dict) -> list[FoundForm]:
    found: dict[tuple, FoundForm] = {}
    clients = _session_clients(personas)
    for name, row in MATRIX.items():
        if row.method != "get":
            continue
        for persona in PERSONAS:
            if row.expect[persona] != 200:
                continue
            path = row.url(records)
            response = clients[persona].get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            parser = _FormParser(path)
            parser.feed(response.content.decode())
            for raw in parser.forms:
                action = urlsplit(raw["action"])
                if action.netloc:
                    continue  # a form that posts elsewhere is not ours
                form = FoundForm(page=name, persona=persona,
                                 action=action.path + (f"?{action.query}" if action.query else ""),
                                 method=raw["method"], fields=raw["fields"], kinds=raw["kinds"],
                                 submit=raw["submit"])
                found.setdefault(form.key, form)
    return list(found.values())


# --- Sending the payloads ----------------------------------------------------------------------


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def _has_control(value) -> bool:
    if isinstance(value, str):
        return strip_control_chars(value.replace("\x00", "")) != value.replace("\x00", "")
    if isinstance(value, dict):
        return any(_has_control(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_control(v) for v in value)
    return False


class NulGuard:
    """Records every query whose parameters carry a NUL byte (PostgreSQL would refuse it), and
    every write whose values carry another control character."""

    def __init__(self):
        self.queries: list[str] = []
        self.control_writes: list[str] = []
        self.writes = 0

    def __call__(self, execute, sql, params, many, context):
        if _has_nul(params):
            self.queries.append(sql[:200])
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.writes += 1
            if _has_control(params):
                self.control_writes.append(sql[:200])
        return execute(sql, params, many, context)


def _inert(body: str) -> list[str]:
    return [m for m in MARKERS if m in body]


def _attempt(form: FoundForm, session_key: str | None, data: dict, payload_name: str,
             field_name: str, stats: dict | None = None) -> list[str]:
    """One request in a rolled-back savepoint; the problems it showed."""
    problems = []
    where = f"{form.method.upper()} {form.action} [{field_name}: {payload_name}] as {form.persona}"
    guard = NulGuard()
    with transaction.atomic():
        cache.clear()  # rate limits (log-in attempts) start afresh
        client = Client(raise_request_exception=False)
        if session_key:  # the persona's session, as it was before any attempt
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
        with connection.execute_wrapper(guard):
            send = client.post if form.method == "post" else client.get
            response = send(form.action, data)
            if response.status_code >= 500:
                problems.append(f"{where}: answered {response.status_code}")
            body = response.content.decode(errors="replace") if not response.streaming else ""
            problems += [f"{where}: unescaped {m!r} in the answer" for m in _inert(body)]
            if (response.status_code == 200 and form.method == "post" and "<form" in body
                    and not any(sign in body for sign in ERROR_SIGNS)):
                problems.append(f"{where}: the form came back without an error")
            if response.status_code in (301, 302, 303) and response.url.startswith("/"):
                followed = client.get(response.url)
                if followed.status_code >= 500:
                    problems.append(f"{where}: the page after it answered {followed.status_code}")
                text = followed.content.decode(errors="replace") if not followed.streaming else ""
                problems += [f"{where}: unescaped {m!r} on {response.url}" for m in _inert(text)]
        if guard.queries:
            problems.append(f"{where}: a NUL byte reached the database in {guard.queries[0]}")
        if guard.control_writes:
            problems.append(f"{where}: a control character was written to the database in "
                            f"{guard.control_writes[0]}")
        if stats is not None and payload_name == "control characters" and guard.writes:
            stats["stored"] += 1
        transaction.set_rollback(True)
    return problems


def test_every_form_refuses_or_neutralises_hostile_input(personas, objects, partners):  # noqa: F811
    records = {**objects, "partner_a": partners["a3s"]}
    forms = discover_forms(personas, records)
    names = {f.view_name for f in forms}
    assert {"netw:invitation_list", "netw:invitation_accept", "netw:profile", "account_login",
            "set_language"} <= names, names

    sessions = {persona: (client.cookies[settings.SESSION_COOKIE_NAME].value
                          if personas[persona] is not None else None)
                for persona, client in _session_clients(personas).items()}
    problems: list[str] = []
    attempts = 0
    stats = {"stored": 0}
    for form in forms:
        baseline = dict(form.fields)
        if form.view_name in BASELINES:
            baseline.update(BASELINES[form.view_name](records))
        if form.submit:
            baseline.setdefault(form.submit[0], form.submit[1])
        for field_name in form.fields:
            if field_name in NOT_FUZZED:
                continue
            choice = form.kinds.get(field_name) in CHOICE_KINDS
            # A choice gets the payloads that are not refused alike as "outside the choices".
            wanted = CHOICE_PAYLOADS if choice else PAYLOADS.keys()
            for payload_name, payload in {**PAYLOADS, **ID_PAYLOADS}.items():
                if payload_name not in wanted:
                    continue
                data = {**baseline, field_name: payload}
                problems += _attempt(form, sessions[form.persona], data, payload_name,
                                     field_name, stats)
                attempts += 1
    assert attempts > 100
    # Control characters did reach saving forms (which then stored them cleaned).
    assert stats["stored"] > 20, stats
    assert not problems, f"{len(problems)} problem(s) in {attempts} attempts:\n" + "\n".join(
        problems[:60])


@pytest.mark.parametrize("path", ["/invite/abc%00def/", "/calendar/feed/abc%00def.ics",
                                  "/partners/a3s%00/", "/%00"])
def test_a_nul_byte_in_a_url_is_a_404_not_a_500(client, path):
    assert client.get(path).status_code == 404
