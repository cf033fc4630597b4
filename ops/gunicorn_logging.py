"""gunicorn's access log as JSON lines, in the shape of the app's own request lines
(gunicorn.conf.py names this class as `logger_class`). No Django import: gunicorn's master
process loads it before the app."""

import json
from datetime import UTC, datetime

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        lowered = {str(name).lower(): value for name, value in resp.headers}
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "request_id": lowered.get("x-request-id", ""),
            "method": environ.get("REQUEST_METHOD", ""),
            "path": environ.get("PATH_INFO", ""),
            "status": int(status),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "bytes": getattr(resp, "sent", 0),
            "remote": environ.get("REMOTE_ADDR", ""),
        }
        try:
            self.access_log.info(json.dumps(entry))
        except Exception:
            self.error("Failed to write the access log line")
