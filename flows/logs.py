"""Our standard-library loggers in Prefect's run logs.

Prefect copies its ``prefect.extra`` handlers to the loggers named in
``PREFECT_LOGGING_EXTRA_LOGGERS`` when it configures logging, but it neither sets their level
(so they inherit the root's WARNING and every INFO line is dropped) nor looks again when a worker
imports our flow after logging was configured. Each flow calls ``route_project_logs`` first.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

PROJECT_LOGGERS = ("flows", "transforms", "warehouse")


def route_project_logs(level: int = logging.INFO) -> None:
    """Send the project's log records at ``level`` and above to the current Prefect run's logs.
    Idempotent; loggers given an explicit level by the user keep it."""
    from prefect.logging.handlers import APILogHandler

    extra = logging.getLogger("prefect.extra")
    handlers = [h for h in extra.handlers if isinstance(h, APILogHandler)] or [APILogHandler()]
    for name in PROJECT_LOGGERS:
        project = logging.getLogger(name)
        if project.level == logging.NOTSET:
            project.setLevel(level)
        for handler in handlers:
            if not any(isinstance(h, APILogHandler) for h in project.handlers):
                project.addHandler(handler)
