"""The Prefect shell of conflictwire: flows, tasks, the fetch seam and the CLI.

Prefect reads its settings when it is first imported, so the project's defaults are set here,
before anything imports Prefect; a user's own environment always wins.
"""

import os

__version__ = "0.1.0"

for _name, _value in {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
    # Prefect's ephemeral API server (used when PREFECT_API_URL names no running server) takes
    # 25-50 s to start with a fresh PREFECT_HOME on a loaded two-core machine; Prefect's own
    # limit is 20 s, which made the first `make demo` on a new machine fail.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "240",
    # Surface our standard-library loggers in Prefect's run logs (flows.logs completes this in
    # worker runs, where Prefect configured logging before this module was imported).
    "PREFECT_LOGGING_EXTRA_LOGGERS": "flows,transforms,warehouse",
    # the same loggers run outside flows too (CLI, tests): no warning when there is no run to log to
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}.items():
    os.environ.setdefault(_name, _value)
