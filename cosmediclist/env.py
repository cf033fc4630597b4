"""Reading settings from environment variables: a malformed value is an ImproperlyConfigured
error that names the variable, never a silent default."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, default: str = "") -> str:
    raw = os.environ.get(name, default).strip().rstrip("/")
    if raw and (urlsplit(raw).scheme not in {"http", "https"} or not urlsplit(raw).netloc):
        raise ImproperlyConfigured(f"{name} must be an absolute http(s) URL; got {raw!r}.")
    return raw


def env_emails(name: str) -> list[str]:
    """Comma-separated email addresses, each checked."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    emails = env_list(name, [])
    for email in emails:
        try:
            validate_email(email)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name} must be comma-separated email addresses; {email!r} is not one."
            ) from None
    return emails


def mailer_from_env(debug: bool) -> dict:
    """SMTP from EMAIL_* in production; printed to the console while debugging."""
    backend = os.environ.get(
        "EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend"
        if debug
        else "django.core.mail.backends.smtp.EmailBackend",
    )
    if debug:
        return {"BACKEND": backend, "OPTIONS": {}}
    options = {
        "host": os.environ.get("EMAIL_HOST", ""),
        "port": env_int("EMAIL_PORT", 0),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
    return {"BACKEND": backend, "OPTIONS": {key: value for key, value in options.items() if value}}


def s3_storage_from_env(bucket: str) -> dict:
    """django-storages' S3 backend for `bucket`, from S3_* and AWS_* variables.

    S3_PUBLIC_URL is where browsers fetch the files (a CDN or the bucket's public address);
    without it, files are served through signed URLs."""
    public = urlsplit(env_url("S3_PUBLIC_URL"))
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env_url("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
            "custom_domain": (public.netloc + public.path) or None,
            "url_protocol": f"{public.scheme or 'https'}:",
            "querystring_auth": not public.netloc,
            "file_overwrite": False,
            "default_acl": None,
        },
    }


def logging_from_env(debug: bool) -> dict:
    """Django's LOGGING: one handler on stderr, JSON lines (text while debugging) carrying the
    request id, and one line per request (method, path, status, duration) unless LOG_REQUESTS=0."""
    log_format = os.environ.get("LOG_FORMAT", "text" if debug else "json")
    if log_format not in {"json", "text"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text; got {log_format!r}.")
    requests = "INFO" if env_bool("LOG_REQUESTS", True) else "WARNING"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ops.logs.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "ops.logs.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
        "loggers": {"cosmediclist.request": {"level": requests}},
    }
