"""Settings come from the environment and fail loudly; production settings pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x7-" + "k2Lq9Pz4Wm8Rt6Yv1Nb3Hc5Jd0Fg" * 3,
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "sqlite:////tmp/netw-check.sqlite3",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp+tls://user:secret@smtp.example.org:587",
}


def _run(args, extra_env):
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT",
                        "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CACHE_URL"}}
    env.update(extra_env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_production_variables():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = _run(["check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_is_a_configuration_error():
    result = _run(["check"], {**PROD_ENV, "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize("name", ["SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE"])
def test_production_turns_on_transport_security(name):
    code = f"from django.conf import settings; print(bool(settings.{name}))"
    result = _run(["shell", "--no-imports", "-c", code], PROD_ENV)
    assert result.stdout.strip() == "True", result.stderr


def test_the_demo_needs_no_variable_at_all():
    code = ("from django.conf import settings; "
            "print(settings.DEBUG, settings.CELERY_TASK_ALWAYS_EAGER, "
            "settings.DATABASES['default']['ENGINE'], settings.EMAIL_BACKEND)")
    result = _run(["shell", "--no-imports", "-c", code], {"CELERY_BROKER_URL": ""})
    assert result.stdout.split() == ["True", "True", "django.db.backends.sqlite3",
                                     "django.core.mail.backends.console.EmailBackend"]


def test_the_trusted_proxy_is_read_from_the_environment_and_off_by_default():
    show = ["shell", "-c", "from django.conf import settings as s; "
            "print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"]
    assert _run(show, PROD_ENV).stdout.splitlines()[-1].split() == ["0", "None"]
    on = _run(show, {**PROD_ENV, "TRUSTED_PROXY_COUNT": "1",
                     "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"})
    assert on.stdout.splitlines()[-1].split() == ["1", "X-Real-IP"], on.stderr


def test_production_without_a_shared_cache_is_warned(tmp_path):
    """Sessions, access and public pages are cached: per process, a closed session or a
    removed membership would live on in the other processes."""
    env = {k: v for k, v in PROD_ENV.items() if k != "REDIS_URL"}
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "netw.W001" in result.stdout + result.stderr
