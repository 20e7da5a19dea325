"""Settings for the Net-Works portal.

One module, driven by the environment. With no variable set it runs the embedded demo: SQLite under
``var/``, Celery tasks executed eagerly, e-mail printed to the console, DEBUG on. Production sets
``DATABASE_URL``, ``CELERY_BROKER_URL``, ``EMAIL_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS`` and
``DEBUG=false``; a production secret has no default and a malformed value fails loudly.
"""

from datetime import date, timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("NETW_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; anything but a clear yes/no is a configuration error."""
    raw = env.str(name, default="")
    if raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = env.str(name, default="")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


# --- Core --------------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default="DATABASE_URL" not in env)

if DEBUG:
    # The demo's key; never used with DEBUG off (see below).
    SECRET_KEY = env.str("SECRET_KEY", default="demo-only-insecure-key-do-not-use-in-production")
else:
    try:
        SECRET_KEY = env.str("SECRET_KEY")
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off") from exc
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 varied characters")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- Applications ------------------------------------------------------------------------------

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.forms",  # its widget templates, for FORM_RENDERER below
]
THIRD_PARTY_APPS = [
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_countries",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by the project (no CDN)
    "corsheaders",
]
LOCAL_APPS = [
    "netw",
    "providers",
    "peersessions",
    "methodologies",
    "sustainability",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "netw.middleware.PermissionsPolicyMiddleware",
    # Before WhiteNoise, so that static files (SVG can carry script) get the policy too.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "netw.middleware.RejectNulBytesMiddleware",
    # Before CommonMiddleware; it answers only under /api/ (CORS_URLS_REGEX below).
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "netw.middleware.SessionAbsoluteTimeoutMiddleware",
    "netw.middleware.UserLanguageMiddleware",
    "netw.timezones.ViewerTimezoneMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "netw.middleware.RequireSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "netw.urls"
WSGI_APPLICATION = "netw.wsgi.application"
AUTH_USER_MODEL = "netw.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# One target per indicator, scope, partner, country and period is a database constraint with
# NULLS NOT DISTINCT on PostgreSQL; SQLite (the embedded demo) cannot hold it, and the target
# form checks the same before saving (netw/monitoring/forms.py), so its warning is noise there.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["netw.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netw.context_processors.portal",
                "netw.navigation.navigation",
            ],
        },
    },
]

# Forms render their fields with the project's templates (templates/includes/field.html: a
# required field's label carries a visible mark); see netw.forms.PortalFormRenderer.
FORM_RENDERER = "netw.forms.PortalFormRenderer"

# --- Database ----------------------------------------------------------------------------------

if "DATABASE_URL" in env:
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("CONN_MAX_AGE", 60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "netw.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
            },
        }
    }

# --- Cache (rate limits and sessions' bookkeeping need one shared by every web process) ---------

if "CACHE_URL" in env:
    CACHES = {"default": env.cache_url("CACHE_URL")}
elif "REDIS_URL" in env:
    CACHES = {
        "default": {
            # Django's RedisCache, but a Redis that is down or slow is a cache miss (logged),
            # never a 500: every page reads the cache (netw/cache.py).
            "BACKEND": "netw.cache.ForgivingRedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "OPTIONS": {"SOCKET_TIMEOUT": float(env.str("CACHE_SOCKET_TIMEOUT", default="0.5"))},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication (django-allauth) -----------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "netw.accounts.backends.ModelBackend",
    "netw.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "netw:my_home"
ACCOUNT_LOGOUT_REDIRECT_URL = "netw:home"

ACCOUNT_ADAPTER = "netw.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"  # addresses are proven by the invitation link
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False  # a reset must never skip the second factor
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Net-Works] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    # The MOOC's learner sign-up (peersessions/courses/join.py), the only open sign-up.
    "signup": "10/h/ip",
    # The public contact form (netw/trust.py).
    "contact": "5/h/ip",
}
# A learner confirms the address of their sign-up by allauth's link, then logs in.
ACCOUNT_EMAIL_CONFIRMATION_ANONYMOUS_REDIRECT_URL = "/accounts/login/?next=/courses/me/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Net-Works"
MFA_TOTP_TOLERANCE = 1

# Sessions are read from the shared cache, and from the database when the cache has lost them
# (or is down): no query per request, and nobody is logged out by a cache restart.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Idle time-out: the session's age from its last save. An active session is saved again when its
# last save is older than SESSION_REFRESH_AFTER (not on every request: a database write each
# time), by netw.middleware.SessionAbsoluteTimeoutMiddleware, which also ends every session
# SESSION_ABSOLUTE_TIMEOUT after login.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_AFTER = timedelta(minutes=1)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_TIMEOUT = timedelta(seconds=env_int("SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60))

INVITATION_VALID_FOR = timedelta(days=env_int("INVITATION_VALID_DAYS", 14))

# --- Internationalisation ----------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("hu", _("Hungarian")),
    ("it", _("Italian")),
    ("mk", _("Macedonian")),
    ("pt", _("Portuguese")),
    ("sk", _("Slovak")),
    ("sr", _("Serbian")),
    ("sr-latn", _("Serbian (Latin script)")),
]
# The project's catalogues, the country names generated from iso-codes (manage.py
# country_names), and django-allauth's messages in Macedonian (allauth has no Macedonian
# catalogue), all before Django's and the libraries' own.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "netw" / "country_names",
                BASE_DIR / "netw" / "allauth_macedonian"]
# One date and number style per language, the same on pages, e-mails, PDFs and exports.
FORMAT_MODULE_PATH = ["netw.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static and media files --------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
# Partners' private files (session materials, methodology attachments, publication files,
# dissemination evidence): outside MEDIA_ROOT, served only by views that check access
# (netw/uploads.py). Every *_ROOT here is a storage root: docker-compose.yml puts each on a
# volume shared by web and worker (tests/netw/test_compose.py).
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
# Uploaded import files between preview and confirmation (providers/imports.py).
PROVIDER_IMPORTS_ROOT = Path(env.str("PROVIDER_IMPORTS_ROOT",
                                     default=str(PRIVATE_MEDIA_ROOT / "imports")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- E-mail ------------------------------------------------------------------------------------

if "EMAIL_URL" in env:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Net-Works <noreply@net-works.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ------------------------------------------------------------------------------------

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Nothing reads a task's result (the rows a task writes are the record), so results are ignored:
# with a result backend, every publish also subscribed to the result in Redis, and with Redis
# down that subscription reconnected in a loop for ~19 s inside the request. Only the health
# check's ping keeps its result (netw/tasks.py).
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
# A request publishes once, briefly (netw/enqueue.py): a broker that does not answer within
# this many seconds is "down", and the outbox sweeper queues the work later.
CELERY_BROKER_CONNECTION_TIMEOUT = float(env.str("CELERY_BROKER_CONNECTION_TIMEOUT",
                                                 default="2"))
# Without a broker (the demo), tasks run in-process so nothing needs installing.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# At-least-once: a task is acknowledged when it finishes, and given back if its worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
# Exports of large lists may take longer than other tasks (netw/exports/tasks.py).
EXPORTS_TIME_LIMIT = env_int("EXPORTS_TIME_LIMIT", 60 * 60)
EXPORTS_SOFT_TIME_LIMIT = EXPORTS_TIME_LIMIT - 5 * 60
CELERY_LONGEST_TIME_LIMIT = max(CELERY_TASK_TIME_LIMIT, EXPORTS_TIME_LIMIT)
# The broker re-delivers an unacknowledged task after this; it must exceed the longest hard limit,
# or a slow task would run twice in parallel (tests/notifications/test_celery_settings.py).
# The result backend reads its own copy of the options: the same dict keeps them in step.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_LONGEST_TIME_LIMIT + 10 * 60,
    # A Redis that stopped answering must not hang a request's publish (netw/enqueue.py).
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": 10,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = CELERY_BROKER_TRANSPORT_OPTIONS
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TIMEZONE = TIME_ZONE
# The one schedule of periodic tasks (`make beat`). Each expires before its next run, so a
# worker that was down does not find a pile of identical runs when it comes back.
CELERY_BEAT_SCHEDULE: dict = {
    "notifications-sweep-outbox": {
        "task": "netw.notifications.tasks.sweep_outbox",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "notifications-daily-digests": {
        "task": "netw.notifications.tasks.queue_daily_digests",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 6 * 60 * 60},
    },
    "notifications-registry-weekly-digest": {
        "task": "netw.notifications.tasks.send_registry_weekly_digest",
        "schedule": crontab(day_of_week="mon", hour=7, minute=30),
        "options": {"expires": 6 * 60 * 60},
    },
    # Every calendar source's events (sessions, roundtables, study visits): the reminder the
    # day before, hourly.
    "events-reminders": {
        "task": "netw.events.tasks.queue_event_reminders",
        "schedule": crontab(minute=5),
        "options": {"expires": 50 * 60},
    },
    # WP1 sessions: the feedback request after (hourly).
    "peersessions-feedback-requests": {
        "task": "peersessions.tasks.queue_feedback_requests",
        "schedule": crontab(minute=10),
        "options": {"expires": 50 * 60},
    },
    # Every app's actions (netw/actions.py: sessions' follow-up actions, the action plans'
    # actions, the roadmap's commitments): due today, overdue (each morning).
    "actions-reminders": {
        "task": "netw.tasks.queue_action_reminders",
        "schedule": crontab(hour=8, minute=15),
        "options": {"expires": 6 * 60 * 60},
    },
    # The MOOC: a gentle reminder to learners without progress for two weeks (once each).
    "peersessions-learner-reminders": {
        "task": "peersessions.tasks.queue_learner_reminders",
        "schedule": crontab(hour=9, minute=20),
        "options": {"expires": 6 * 60 * 60},
    },
    # Provider imports whose check or write a broker outage or a dead worker left behind.
    "providers-requeue-stranded-imports": {
        "task": "providers.tasks.requeue_stranded_provider_imports",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Exports whose worker died (a stale heartbeat): taken over within a minute.
    "exports-requeue-stranded": {
        "task": "netw.exports.tasks.requeue_stranded_exports",
        "schedule": 15.0,
        "options": {"expires": 12},
    },
    # The open data package (netw/opendata): rebuilt every night from what visitors may see.
    "opendata-build-package": {
        "task": "netw.opendata.tasks.build_open_data_package",
        "schedule": crontab(hour=2, minute=40),
        "options": {"expires": 6 * 60 * 60},
    },
    "exports-delete-expired": {
        "task": "netw.exports.tasks.delete_expired_exports",
        "schedule": crontab(minute=17),
        "options": {"expires": 50 * 60},
    },
}

# --- Notifications (netw/notifications) -------------------------------------------------------

NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = env_int("NOTIFICATIONS_EMAIL_MAX_ATTEMPTS", 6)
NOTIFICATIONS_RETRY_BASE_SECONDS = 30
NOTIFICATIONS_RETRY_MAX_SECONDS = 30 * 60
# The outbox sweeper re-queues pending rows older than this (the broker was down).
NOTIFICATIONS_SWEEP_AFTER = timedelta(seconds=env_int("NOTIFICATIONS_SWEEP_AFTER_SECONDS", 60))
NOTIFICATIONS_UNREAD_CACHE_SECONDS = 5 * 60

# Public pages served to visitors from the cache (netw/pagecache.py), until a record behind them
# is written (netw/dataversion.py) or, for what depends on the clock alone, this many seconds;
# for as long again, an older copy is served while one worker renders it afresh.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 5 * 60)
# A web worker freezes its heap out of the garbage collector's way at start-up and again after
# this many requests, by when what it loads lazily is in memory (netw/workergc.py).
GC_FREEZE_AFTER_REQUESTS = (100, 1_000)
# Bookkeeping models whose writes change no public page nor figure (the data version ignores
# them; an indicator's own records are watched whatever this says).
DATAVERSION_IGNORE = [
    "netw.CalendarFeed", "netw.Export", "netw.Invitation", "netw.Notification",
    "netw.NotificationPreference", "providers.ImportValueMapping", "providers.ProviderImport",
    "peersessions.LessonProgress", "peersessions.QuizAttempt",
]
# Apps whose history (django-simple-history) the coordinators' weekly digest reports.
NOTIFICATIONS_DIGEST_APPS = ["providers"]

# --- Exports (netw/exports) --------------------------------------------------------------------

# Finished files are private (never under MEDIA_URL): they are served by a view that checks who
# asks. They are deleted this many days after they are ready.
EXPORTS_ROOT = Path(env.str("EXPORTS_ROOT", default=str(VAR_DIR / "exports")))
EXPORTS_KEEP_DAYS = env_int("EXPORTS_KEEP_DAYS", 7)
# A run beats a heartbeat every EXPORTS_HEARTBEAT_EVERY seconds (and every 1,000 rows) while it
# writes. A task that finds its export running without a heartbeat for EXPORTS_HEARTBEAT_TIMEOUT
# takes it over (the worker died): with the stranded sweep every 15 seconds (the beat schedule
# above), a dead worker's export is taken over within ~45 seconds. A task that kills its worker
# is given up after EXPORTS_MAX_ATTEMPTS attempts.
EXPORTS_HEARTBEAT_TIMEOUT = env_int("EXPORTS_HEARTBEAT_TIMEOUT", 30)
EXPORTS_HEARTBEAT_EVERY = max(1, min(env_int("EXPORTS_HEARTBEAT_EVERY", 5),
                                     EXPORTS_HEARTBEAT_TIMEOUT // 3))
EXPORTS_MAX_ATTEMPTS = env_int("EXPORTS_MAX_ATTEMPTS", 3)
# Slows each chunk of rows down: only for the integration test that kills a worker mid-export.
EXPORTS_CHUNK_PAUSE = float(env.str("EXPORTS_CHUNK_PAUSE", default="0"))

# --- Open data (netw/opendata) -----------------------------------------------------------------

# The nightly Frictionless data package (CSV files, datapackage.json, README) is written here and
# served at /open-data/. Each build goes into a directory of its own; a symlink names the current
# one, swapped atomically, so readers never see a half-written package.
OPEN_DATA_ROOT = Path(env.str("OPEN_DATA_ROOT", default=str(VAR_DIR / "open-data")))
# Builds kept besides the current one (a slow download of yesterday's file is not cut off).
OPEN_DATA_KEEP_BUILDS = env_int("OPEN_DATA_KEEP_BUILDS", 1)

# --- Search (netw/search.py) -----------------------------------------------------------------

# A list page's search ranks at most this many candidates (the newest matches) and counts
# "1,000+ results" past it: ranking every match costs with their number.
SEARCH_RANK_LIMIT = env_int("SEARCH_RANK_LIMIT", 1000)
if not 1 <= SEARCH_RANK_LIMIT <= 10_000:  # the candidates' ids are one query's parameters
    raise ImproperlyConfigured("SEARCH_RANK_LIMIT must be between 1 and 10000")

# --- Public API (netw/api) ---------------------------------------------------------------------

# Read-only and the same for everyone: no authentication, so no session, no CSRF, no per-user
# answer. Every app declares its endpoints in <app>/api.py (netw/api/__init__.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # The throttle counts per client address: behind the reverse proxies named by
    # TRUSTED_PROXY_COUNT (see "Behind a reverse proxy"), the one they saw in X-Forwarded-For.
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),
}
# Requests per client address (netw.api.throttling); "N/second|minute|hour|day".
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="120/minute")
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 50)
API_MAX_PAGE_SIZE = env_int("API_MAX_PAGE_SIZE", 500)
SPECTACULAR_SETTINGS = {
    "TITLE": "Net-Works open data API",
    "DESCRIPTION": (
        "The public records of the Net-Works portal, read-only: partners, networks, verified "
        "providers, the methodology inventory, good practices, policy recommendations, "
        "publications, MOOC courses and public events. The same for everyone, without "
        "authentication; anonymous requests are throttled (429 with Retry-After). Lists are "
        "paginated (page, page_size) and take the filters of the site's lists, plus "
        "modified_after (ISO 8601) for incremental harvesting. Countries are ISO 3166-1 "
        "alpha-2 codes, regions ISO 3166-2, languages BCP 47 tags. Data under CC BY 4.0 "
        "unless a record names its own licence."),
    "VERSION": "1",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": False,
    "SCHEMA_PATH_PREFIX": "/api/v[0-9]+",
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    # Two vocabularies answer to "level": the registry's and the MOOC's.
    "ENUM_NAME_OVERRIDES": {
        "LevelEnum": "providers.vocabulary.Level",
        "CourseLevelEnum": "peersessions.courses.models.CourseLevel",
    },
}
# CORS: any origin may read the API (never with credentials); nothing else of the site.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["Link", "Retry-After"]

# --- Trust pages: privacy notice, contact, accessibility statement (netw/trust.py) -------------

# The data controller (the coordinator) as the privacy notice and the contact page name it; the
# contact form writes to "email". Demo values: production sets the real ones.
NETW_CONTACT = {
    "organisation": env.str(
        "NETW_CONTACT_ORGANISATION",
        default="ENSIE – European Network of Social Integration Enterprises"),
    "address": env.str("NETW_CONTACT_ADDRESS",
                       default="Boulevard Charlemagne 1, 1041 Brussels, Belgium"),
    "email": env.str("NETW_CONTACT_EMAIL", default="contact@net-works.example.org"),
    "privacy_email": env.str("NETW_CONTACT_PRIVACY_EMAIL",
                             default="privacy@net-works.example.org"),
}
# The last evaluation of the accessibility statement (templates/netw/accessibility.html).
NETW_ACCESSIBILITY_EVALUATED = date(2026, 12, 1)

# --- Behind a reverse proxy --------------------------------------------------------------------

# The login rate limits count per client address. Behind a reverse proxy every request comes
# from the proxy's address, so one person's wrong passwords would lock everyone out: name the
# proxies you run (their count, read from the right of X-Forwarded-For) or the header your proxy
# sets to the client's address. Off by default: the headers can be forged by anyone when no
# proxy of yours overwrites them (django-allauth's own settings).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None

# --- Security ----------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it: forms carry the token
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True

# --- Maps (netw/geo) ---------------------------------------------------------------------------

# A tile server for the maps, e.g. "https://tiles.example.org/{z}/{x}/{y}.png", with the credit
# its licence asks for. Unset (the default), the maps draw the outline of Europe shipped with the
# project (Natural Earth): nothing is fetched from elsewhere. Set, its origin joins img-src below.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="").strip()
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="").strip()


def _tile_origin(url: str, attribution: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.netloc or not all(
            part in url for part in ("{z}", "{x}", "{y}")):
        raise ImproperlyConfigured(
            "MAP_TILE_URL must be an http(s) address with {z}, {x} and {y}, not " + repr(url))
    if not attribution:
        raise ImproperlyConfigured("MAP_TILE_ATTRIBUTION must credit the tiles of MAP_TILE_URL")
    # Leaflet's {s} spreads requests over subdomains (a., b., c.): the policy allows them all.
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


MAP_TILE_ORIGIN = _tile_origin(MAP_TILE_URL, MAP_TILE_ATTRIBUTION) if MAP_TILE_URL else ""

# django-csp: no inline script or style anywhere; the TOTP QR code is an inline SVG data URL.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Logging -----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
