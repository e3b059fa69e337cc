# Two commands for a fresh machine: `make demo` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Tests that start a real Prefect server, drive the UI in Chromium or start worker processes.
SLOW := service or browser or workers

.PHONY: demo test quick lint bench serve install clean lock pin-extractor

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	# The system pip (23.x) mis-resolves trafilatura's lxml extras: install with uv instead.
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	# Bytecode is compiled once here: where PYTHONDONTWRITEBYTECODE is set (it is on our machines)
	# Python never caches it, and every `conflictwire` start compiled prefect, scipy and the rest
	# again (about 2.5 s of the CLI's start-up, and the same again inside the first flow run).
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -c requirements.lock -e ".[dev]"
	$(BIN)/python -m compileall -q flows transforms warehouse demo
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/conflictwire demo

# An operated service on loopback: Prefect server and UI, work pool, deployments, worker.
serve: $(STAMP)
	$(BIN)/conflictwire serve

lint: $(STAMP)
	$(BIN)/ruff check flows transforms warehouse demo tests benchmarks
	$(BIN)/mypy

# Everything, as CI runs it.
test: lint
	scripts/ensure-chromium
	$(BIN)/pytest

# Everyday iteration: lint and every test but the real-server and browser ones.
quick: lint
	$(BIN)/pytest -m "not ($(SLOW))"

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# After bumping EXTRACTOR_VERSION: record the digest of the extractor's code beside it.
pin-extractor: $(STAMP)
	$(BIN)/python -m tests.extractor_pin

# Re-pin the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/uv pip compile --quiet --python-version 3.11 --extra dev -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
