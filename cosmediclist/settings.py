"""Settings for every environment, driven by environment variables (see .env.example).

A malformed variable is an ImproperlyConfigured error naming it, never a silent default.
Production hardening is on whenever DEBUG is off.
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from .editor import EDITOR_CONFIG
from .env import (
    env_bool,
    env_emails,
    env_int,
    env_list,
    env_url,
    logging_from_env,
    mailer_from_env,
    s3_storage_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if "://" not in _origin:
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries need a scheme (https://…); got {_origin!r}."
        )

# The public address of the site, used for absolute URLs (canonical links, feeds, emails).
# Empty: the host of the request.
SITE_URL = env_url("SITE_URL")
SITE_NAME = "CosMedicList"
SITE_TAGLINE = "Your one stop shop for cosmetic enhancement"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "articles",
    "images",
    "discovery",
    "comments",
    "redirects",
    "django.contrib.postgres",
    "search",
    "demo",
    "wordpress",
    # Each of these three re-registers the admins of `articles` with its own in front, so the
    # later one wraps the earlier: versions and the trash innermost, then the roles and the
    # review, then the medical sign-off outermost. `editing` also overrides the history
    # template of reversion_compare, which must come after it.
    "editing",
    "editorial",
    "medical",
    "reversion",
    "reversion_compare",
    "ops",
    "django_tasks_db",
    "pagecache",
    "security",
    "axes",
]

MIDDLEWARE = [
    # First: every request gets its id and its log line, whatever answers it.
    "ops.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, authentication and messages: a stored page costs none of them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so they see a 404 first: redirects cost nothing on pages that exist.
    "redirects.middleware.RedirectFallbackMiddleware",
    "wordpress.middleware.WordPressAddressMiddleware",
    # Last of all, as django-axes asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cosmediclist.urls"
WSGI_APPLICATION = "cosmediclist.wsgi.application"

CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.template.context_processors.csp",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "articles.context_processors.site",
]
# The public pages are Jinja2 templates in jinja2/ (environment: cosmediclist/jinja2.py); the
# admin, its app templates and the sitemaps keep Django's template language.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "cosmediclist.jinja2.environment",
            "context_processors": CONTEXT_PROCESSORS,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": CONTEXT_PROCESSORS},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let readers and one writer work side by side.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Serve uploaded media from the app itself; turn off when a web server in front serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Uploads: refuse anything larger than this, or with more pixels than this.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
UPLOAD_MAX_PIXELS = env_int("UPLOAD_MAX_PIXELS", 40_000_000, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644

# Cache and page cache ---------------------------------------------------------------------
# REDIS_URL (redis://host:6379/0) selects Django's Redis backend, shared by every app server;
# without it each process keeps its own local-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and urlsplit(REDIS_URL).scheme not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(f"REDIS_URL must be a redis:// address; got {REDIS_URL!r}.")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # A cache server that is down must cost a request little: fail fast, serve uncached.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cosmediclist",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
# Anonymous GET pages are answered from CACHES[PAGECACHE_ALIAS] (pagecache/middleware.py).
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
PAGECACHE_ALIAS = "default"
PAGECACHE_SECONDS = env_int("PAGECACHE_SECONDS", 3600, minimum=1)
# Which apps' models, when saved or deleted, make every stored page stale.
PAGECACHE_APPS = {
    "admin", "auth", "articles", "images", "comments", "redirects", "wordpress", "demo",
}  # fmt: skip
PAGECACHE_SKIPPED_PREFIXES = ("/admin/", "/ckeditor5/", "/comments/", "/media/")
# Requests with the header X-Page-Cache-Bypass equal to this skip the cache (for `make bench`).
PAGECACHE_BYPASS_TOKEN = os.environ.get("PAGECACHE_BYPASS_TOKEN", "")

# Email: SMTP in production; printed to the console while debugging.
MAILERS = {"default": mailer_from_env(DEBUG)}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CosMedicList <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (comment notifications): Django's tasks framework, in-process by default.
# TASKS_BACKEND=database queues tasks in the database (django-tasks-db) for a worker process,
# `manage.py db_worker`, so a slow mail server never slows a page (README "Production").
TASKS_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS.get(_tasks_backend, _tasks_backend)}}

# Publishing
POSTS_PER_PAGE = env_int("POSTS_PER_PAGE", 10, minimum=1)

# Discovery: feeds, sitemap
FEEDS_ITEMS = env_int("FEEDS_ITEMS", 20, minimum=1)
# Full article text in feeds (else the summary only).
FEEDS_FULL_CONTENT = env_bool("FEEDS_FULL_CONTENT", True)
# Above this many URLs /sitemap.xml becomes an index of sections of at most this many each.
SITEMAP_SECTION_SIZE = env_int("SITEMAP_SECTION_SIZE", 1000, minimum=1)

# Security: on in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # CKEditor's upload adapter reads the token from the cookie.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Production hardening whenever DEBUG is off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    # Both are hard to undo (every subdomain must serve HTTPS; leaving a preload list takes
    # months): opt-in, so Django's deploy checks that ask for them are silenced when they are off.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    ]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs: JSON lines carrying the request id (ops/logs.py); LOG_FORMAT=text for plain lines,
# LOG_LEVEL the root level, LOG_REQUESTS=0 no line per request.
LOGGING = logging_from_env(DEBUG)

# Rich text: CKEditor 5 in the admin. Whatever it sends is sanitised with nh3 on save
# (articles/markup.py), and images go through images/uploads.py.
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp", "gif"]
CKEDITOR_5_CUSTOM_CSS = "css/editor.css"
CKEDITOR_5_CONFIGS = {"default": EDITOR_CONFIG}

# Comments: each moderation rule's tunable (comments/moderation.py explains the rules).
MODERATOR_EMAILS = env_emails("MODERATOR_EMAILS")
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)
COMMENTS_MAX_AGE_SECONDS = env_int("COMMENTS_MAX_AGE_SECONDS", 3 * 24 * 3600, minimum=60)
COMMENTS_HONEYPOT = env_bool("COMMENTS_HONEYPOT", True)
COMMENTS_FLOOD_SECONDS = env_int("COMMENTS_FLOOD_SECONDS", 15)
COMMENTS_FLOOD_COUNT = env_int("COMMENTS_FLOOD_COUNT", 1, minimum=1)
COMMENTS_DUPLICATES_REFUSED = env_bool("COMMENTS_DUPLICATES_REFUSED", True)
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)
COMMENTS_TRUST_APPROVED_COMMENTERS = env_bool("COMMENTS_TRUST_APPROVED_COMMENTERS", True)
COMMENTS_MAX_DEPTH = env_int("COMMENTS_MAX_DEPTH", 3, minimum=1)
COMMENTS_MAX_LENGTH = env_int("COMMENTS_MAX_LENGTH", 5000, minimum=100)
COMMENTS_PER_PAGE = env_int("COMMENTS_PER_PAGE", 50, minimum=1)
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 0)  # 0: never
COMMENTS_IP_RETENTION_DAYS = env_int("COMMENTS_IP_RETENTION_DAYS", 30)
COMMENTS_MODERATION_LINK_DAYS = env_int("COMMENTS_MODERATION_LINK_DAYS", 7, minimum=1)
# Behind a reverse proxy: the META key of the header it sets, e.g. HTTP_X_FORWARDED_FOR.
COMMENTS_CLIENT_IP_HEADER = os.environ.get("COMMENTS_CLIENT_IP_HEADER", "")

# Editorial roles and the trash (issue 12): what is trashed longer than this is deleted for
# good by `manage.py empty_trash`.
TRASH_RETENTION_DAYS = env_int("TRASH_RETENTION_DAYS", 30)
# Editing safety: versions of every article, autosave, presence and edit conflicts (editing/).
VERSIONS_KEEP = env_int("VERSIONS_KEEP", 50, minimum=1)  # newest versions of an object kept
VERSIONS_MAX_AGE_DAYS = env_int("VERSIONS_MAX_AGE_DAYS", 365)  # older ones pruned; 0: no limit
EDITING_AUTOSAVE_SECONDS = env_int("EDITING_AUTOSAVE_SECONDS", 30, minimum=1)
EDITING_HEARTBEAT_SECONDS = env_int("EDITING_HEARTBEAT_SECONDS", 30, minimum=1)
EDITING_PRESENCE_SECONDS = env_int("EDITING_PRESENCE_SECONDS", 180, minimum=10)

# Medical review (medical/): sign-offs and reviews that fall due.
REVIEW_INTERVAL_MONTHS = env_int("REVIEW_INTERVAL_MONTHS", 12, minimum=1)
# Which posts need a new sign-off before they are published when their text changed since the
# last one: "procedure" (posts linked to a procedure), "all" or "none".
SIGNOFF_REQUIRED_FOR = os.environ.get("SIGNOFF_REQUIRED_FOR", "procedure").strip().lower()
if SIGNOFF_REQUIRED_FOR not in {"procedure", "all", "none"}:
    raise ImproperlyConfigured(
        f"SIGNOFF_REQUIRED_FOR must be procedure, all or none; got {SIGNOFF_REQUIRED_FOR!r}."
    )

# Several app servers (deploy/, README "Production"): health checks, shared cache, pooler.
# The load balancer asks /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# PgBouncer in transaction mode between the app servers and PostgreSQL: a server connection
# is lent for one transaction only, so no cursor may outlive it (no server-side cursors).
DATABASE_POOLER = os.environ.get("DATABASE_POOLER", "")
if DATABASE_POOLER not in {"", "pgbouncer"}:
    raise ImproperlyConfigured(
        f"DATABASE_POOLER must be empty or pgbouncer; got {DATABASE_POOLER!r}."
    )
if DATABASE_POOLER == "pgbouncer":
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# The shared cache: REDIS_URL, in the "Cache and page cache" block above.

# Media on S3-compatible object storage (django-storages) when a bucket is named, so that every
# app server sees every upload; else the local disk under MEDIA_ROOT. S3_PUBLIC_URL is where
# browsers fetch the files (a CDN or the bucket's public address); without it, signed URLs.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = s3_storage_from_env(AWS_STORAGE_BUCKET_NAME)
    SERVE_MEDIA = False

# Hardening (login protection, request limits, security headers) ---------------------------
# The largest body the anonymous comment endpoint reads (comments/limits.py): 413 above it.
COMMENTS_MAX_REQUEST_BYTES = env_int("COMMENTS_MAX_REQUEST_BYTES", 65_536, minimum=8192)
# The largest single record (post, page, attachment…) a WordPress export may hold: the import
# stops with a clear error above it, before anything is written.
WXR_MAX_RECORD_BYTES = env_int("WXR_MAX_RECORD_BYTES", 16 * 1024 * 1024, minimum=65_536)
# Powerful browser features the site never uses, denied to it and to any frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip

# Login protection (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one account from
# one IP address, that pair is locked out for LOGIN_LOCKOUT_MINUTES (each further try restarts
# the wait). Counted in the database, so every app server agrees; `manage.py axes_reset_username
# <name>` or `axes_reset_ip <ip>` unlocks early. Per account *and* IP, so nobody can lock an
# editor out of the admin from elsewhere by guessing their login name.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "security.network.client_ip_for_lockout"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = True

# Where the admin answers: a path of its own makes it harder to find (default "admin/").
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not re.fullmatch(r"([A-Za-z0-9_-]+/)+", ADMIN_URL):
    raise ImproperlyConfigured(
        f"ADMIN_URL must be a relative path ending in '/', e.g. 'office-7f3a/'; not {ADMIN_URL!r}."
    )
