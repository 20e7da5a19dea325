"""Security headers on every response, and production cookies and HSTS.

Every row of the access matrix is requested as every persona: each answer, whatever its status,
carries the headers. Production settings are read in a subprocess started with the production
variables, then applied here to real requests.
"""

import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from tests.access import PERSONAS
from tests.factories import DEFAULT_PASSWORD
from tests.netw.test_access_matrix import MATRIX, objects  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, list[str]]:
    found = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            found[words[0]] = words[1:]
    return found


def assert_secure_headers(response, where: str) -> None:
    csp = response.headers.get("Content-Security-Policy")
    assert csp, f"{where}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, f"{where}: {csp}"
    directives = _directives(csp)
    assert "default-src" in directives, f"{where}: no default-src"

    def effective(name: str) -> list[str]:  # fetch directives fall back on default-src
        return directives.get(name, directives["default-src"])

    assert effective("object-src") == ["'none'"], f"{where}: {csp}"
    assert directives.get("frame-ancestors") == ["'none'"], f"{where}: {csp}"
    html = response.headers.get("Content-Type", "").startswith("text/html")
    if html or "base-uri" in directives:  # base-uri has no fallback; it matters for documents
        assert directives.get("base-uri") == ["'none'"], f"{where}: {csp}"
    for name in ("script-src", "style-src"):
        sources = effective(name)
        assert "*" not in sources and "data:" not in sources, f"{where}: {csp}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("Referrer-Policy") in {
        "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
    }, where
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin", where
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in permissions, f"{where}: Permissions-Policy {permissions!r}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_with_the_security_headers(client, personas, objects, persona):  # noqa: F811
    user = personas[persona]
    for name, row in MATRIX.items():
        if user is not None:
            client.force_login(user)  # an earlier row may have logged the persona out
        path = row.url(objects)
        data = row.data(objects) if callable(row.data) else row.data
        response = getattr(client, row.method)(path, data)
        where = f"{persona} {row.method.upper()} {path} ({name}) → {response.status_code}"
        assert_secure_headers(response, where)
        if response.headers.get("Content-Type", "").startswith("text/html"):
            assert response.headers.get("X-Frame-Options") == "DENY", where


def test_error_pages_and_static_files_carry_the_headers(client):
    assert_secure_headers(client.get("/no-such-page/"), "404 page")
    assert client.get("/no-such-page/").headers.get("X-Frame-Options") == "DENY"
    # WhiteNoise answers from the finders here, as it does from STATIC_ROOT in production.
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        for name in ("css/netw.css", "img/logo.svg"):
            static = Client().get("/" + settings.STATIC_URL.lstrip("/") + name)
            assert static.status_code == 200, name
            assert_secure_headers(static, name)


def test_the_policy_forbids_inline_code_and_foreign_origins():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for name, sources in directives.items():
        for source in sources:
            assert source in {"'self'", "'none'", "data:"}, f"{name} allows {source}"
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


# --- Production settings -----------------------------------------------------------------------

SECURITY_SETTINGS = [
    "DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SAMESITE",
    "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_PROXY_SSL_HEADER",
]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://netw@db.invalid:5432/netw",
    "CELERY_BROKER_URL": "redis://redis.invalid:6379/0",
    "EMAIL_URL": "smtp://mail.invalid:25",
}


@pytest.fixture(scope="module")
def production_settings() -> dict:
    """The security settings as production computes them from its environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "REDIS_URL",
                        "CACHE_URL"}}
    env.update(PRODUCTION_ENV, SECRET_KEY=secrets.token_urlsafe(60),
               DJANGO_SETTINGS_MODULE="netw.settings")
    code = ("import json; from django.conf import settings as s; "
            f"print(json.dumps({{k: getattr(s, k) for k in {SECURITY_SETTINGS!r}}}))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=settings.BASE_DIR, timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_settings_are_strict(production_settings):
    s = production_settings
    assert s["DEBUG"] is False
    assert s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and s["SECURE_HSTS_PRELOAD"]
    assert s["SECURE_SSL_REDIRECT"] is True
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert s[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert s[f"{cookie}_COOKIE_HTTPONLY"] is True, cookie
        assert s[f"{cookie}_COOKIE_SAMESITE"] in {"Lax", "Strict"}, cookie


def _cookie_flags(response, name: str) -> str:
    morsel = response.cookies[name]
    return str(morsel.output(header="")).strip()


def test_production_answers_carry_hsts_and_secure_cookies(production_settings, owner):
    applied = {k: (tuple(v) if isinstance(v, list) else v) for k, v in production_settings.items()
               if k not in {"DEBUG", "SECURE_SSL_REDIRECT"}}
    with override_settings(**applied, SECURE_SSL_REDIRECT=True):
        client = Client()
        plain = client.get(reverse("netw:home"))
        assert plain.status_code == 301 and plain.url.startswith("https://")

        login_page = client.get(reverse("account_login"), secure=True)
        assert login_page.status_code == 200
        hsts = login_page.headers.get("Strict-Transport-Security", "")
        assert re.search(r"max-age=(\d+)", hsts) and int(re.search(r"max-age=(\d+)", hsts)[1]) \
            >= 31536000, hsts
        assert "includeSubDomains" in hsts and "preload" in hsts
        assert_secure_headers(login_page, "production login page")

        response = client.post(reverse("account_login"),
                               {"login": owner.email, "password": DEFAULT_PASSWORD}, secure=True)
        assert response.status_code == 302, response.content[:500]
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
            flags = _cookie_flags(response, name) if name in response.cookies else \
                _cookie_flags(login_page, name)
            assert "Secure" in flags, flags
            assert "HttpOnly" in flags, flags
            assert re.search(r"SameSite=(Lax|Strict)", flags), flags

        language = client.post(reverse("set_language"), {"language": "pt", "next": "/"},
                               secure=True)
        flags = _cookie_flags(language, settings.LANGUAGE_COOKIE_NAME)
        assert "Secure" in flags and "HttpOnly" in flags and "SameSite=Lax" in flags, flags
