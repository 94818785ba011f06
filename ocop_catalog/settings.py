"""Settings for the OCOP catalog, read from the environment.

Every setting that differs between a laptop and production comes from an environment
variable; the README lists them all. There is one settings module; tests use
``ocop_catalog.test_settings`` which imports this one.
"""

import os
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ocop_catalog.logconfig import build_logging

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_rate(name: str, default: str) -> tuple[int, int]:
    """``requests/seconds`` from the environment, e.g. ``120/60``."""
    value = os.environ.get(name, default)
    try:
        requests, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must look like 120/60 (requests/seconds), not {value!r}."
        ) from None
    if requests < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name} needs at least 1 request in at least 1 second.")
    return requests, seconds


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required unless DJANGO_DEBUG is on.")
    SECRET_KEY = "django-insecure-development-only-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public origin used in QR codes and canonical links when a request is not at hand
# (sitemaps, printed labels made by a command).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "producers",
    "products",
    "promotion",
    "inquiries",
    "staff",
    "stats",
    "demo",
    # Site-wide management commands (backup, restore) live in ocop_catalog/management/.
    "ocop_catalog",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Permissions-Policy on every response, no-store on the staff workspace (by URL namespace).
    "ocop_catalog.middleware.SiteHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous public pages from the cache, keyed by the catalog version (ocop_catalog/pagecache.py).
    "ocop_catalog.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ocop_catalog.ratelimit.RateLimitMiddleware",
    # AxesMiddleware must be last: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ocop_catalog.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "ocop_catalog.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # QuerySet.iterator() reads through a named cursor, for which PostgreSQL plans to return
    # the first 10% of the rows fast (cursor_tuple_fraction): a province's export ordered by
    # name then walked the whole name index (300 ms at 100,000 products instead of 34 ms).
    # Every iterator here reads all its rows, so plan for all of them.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # Added to whatever DATABASE_URL's ?options= already sets (a search_path, say), not in its place.
    _options["options"] = f"{_options.get('options', '')} -c cursor_tuple_fraction=1.0".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ocop-catalog",
    }
}
# The public page cache (ocop_catalog/pagecache.py): on unless DJANGO_PAGE_CACHE=0. A write to the
# catalog changes every key at once, so the lifetime only bounds memory use.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "3600"))

if os.environ.get("CACHE_URL", "").startswith("redis://"):
    CACHES["default"] = {
        "BACKEND": "ocop_catalog.cache.KeptClientRedisCache",
        "LOCATION": os.environ["CACHE_URL"],
    }

AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out pair never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password guessing: lock a username *and* address pair, never a whole address, so one
# office behind a proxy cannot lock everybody out. The lock lifts after the cool-off.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "staff.accounts.lockout_response"
# The address of a sign-in attempt: the proxy's X-Forwarded-For entry only behind a proxy
# (DJANGO_BEHIND_PROXY), else the socket's. See ocop_catalog/client_address.py.
AXES_CLIENT_IP_CALLABLE = "ocop_catalog.client_address.client_address"

# The staff workspace (the staff app) signs people in and out; Django admin keeps its own pages.
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "staff:login"

# Where manage.py backup writes its archives unless told otherwise: never under MEDIA_ROOT.
BACKUP_ROOT = Path(os.environ.get("DJANGO_BACKUP_ROOT", BASE_DIR / "var" / "backups"))

# Uploaded spreadsheets wait here between the dry run and the confirmation: never under
# MEDIA_ROOT, because the web server publishes that directory.
IMPORT_ROOT = Path(os.environ.get("DJANGO_IMPORT_ROOT", BASE_DIR / "var" / "imports"))

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date and number formats per language, over Django's (see the modules for why).
FORMAT_MODULE_PATH = ["ocop_catalog.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Uploads: refuse oversized request bodies early; photo limits live in products.images.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Security: strict by default, relaxed only by DEBUG (the development server speaks HTTP).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer may probe the app server over plain HTTP; the answer is two words.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# includeSubDomains and preload bind every subdomain of the site's domain, and a preload list
# entry takes months to undo: the operator of the parent domain opts in (README).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
# check --deploy warns when they are off; off is the choice made above, not an oversight.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Behind a reverse proxy (nginx) that sets X-Forwarded-Proto and appends the client address to
# X-Forwarded-For: trust both, and only the last TRUSTED_PROXY_COUNT entries of the latter.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT must be 1 or more.")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts, styles and everything else from this origin
# only; no inline script or style anywhere (JSON-LD data blocks are not scripts), no plugins,
# no framing, forms post only here. Uploads come from MEDIA_URL, which may be another origin.
_media = urlsplit(MEDIA_URL)
_media_origin = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *_media_origin],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features the site never uses, refused to the page and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# Request budgets per client address on expensive paths (ocop_catalog/ratelimit.py), as
# (requests, seconds). Generous: buyers on a mobile network share carrier addresses (CGNAT).
RATE_LIMITS = {
    "search": env_rate("DJANGO_RATE_LIMIT_SEARCH", "120/60"),  # the product list with ?q=
    "sitemap": env_rate("DJANGO_RATE_LIMIT_SITEMAP", "60/60"),
    "label": env_rate("DJANGO_RATE_LIMIT_LABEL", "60/60"),  # printable label and QR code
    "export": env_rate("DJANGO_RATE_LIMIT_EXPORT", "30/60"),  # staff CSV/XLSX exports
    "inquiry": env_rate("DJANGO_RATE_LIMIT_INQUIRY", "5/3600"),  # questions sent to producers
    "opendata": env_rate("DJANGO_RATE_LIMIT_OPEN_DATA", "30/60"),  # /products.csv, .json, /statistics/
}
# Buyers' questions to producers (personal data) are deleted this many days after they arrive,
# by `manage.py delete_old_inquiries` (run it daily).
INQUIRY_RETENTION_DAYS = int(os.environ.get("DJANGO_INQUIRY_RETENTION_DAYS", "180"))

# Errors (with their traceback) and the audit trail (ocop.audit: sign-ins, exports, imports)
# go to the console, to DJANGO_LOG_FILE when set, and errors are mailed to ADMINS when set.
ADMINS = [(name, email) for name, email in getaddresses([os.environ.get("DJANGO_ADMINS", "")]) if email]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "root@localhost")
DEFAULT_FROM_EMAIL = SERVER_EMAIL
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
# Questions forwarded to producers: printed on the console in development unless configured.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
LOGGING = build_logging(
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    log_file=os.environ.get("DJANGO_LOG_FILE") or None,
    mail_admins=bool(ADMINS),
)
