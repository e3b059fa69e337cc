"""The Prefect shell of conflictwire: flows, tasks, the fetch seam and the CLI.

Prefect's telemetry and update checks are switched off before Prefect is imported anywhere in
the project, so runs work offline; a user's own environment still wins.
"""

import os

__version__ = "0.1.0"

for _name, _value in {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
    # Surface our standard-library loggers in Prefect's run logs.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "flows,transforms,warehouse",
    # the same loggers run outside flows too (CLI, tests): no warning when there is no run to log to
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}.items():
    os.environ.setdefault(_name, _value)
