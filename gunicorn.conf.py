"""gunicorn settings for production: `gunicorn cosmediclist.wsgi -c gunicorn.conf.py`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
# 0 turns recycling off (`make bench` does, so no worker takes its CPU time with it).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# One JSON line per request, with the request id the app sends back (ops/gunicorn_logging.py).
accesslog = "-"
logger_class = "ops.gunicorn_logging.JsonAccessLogger"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
