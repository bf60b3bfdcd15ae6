# One virtual environment in .venv, created on first use. Needs only python3 (>= 3.11) and make.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
EXAMPLE ?= examples/darija-support-chatbot.yaml

CHROMIUM ?= /usr/bin/chromium

.PHONY: install run test lint typecheck imports unit bench bench-http bench-pg schema docs messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

run: install
	$(BIN)/compliance serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

imports: install
	$(BIN)/lint-imports

unit: install
	@test -x $(CHROMIUM) || echo "NOTE: no Chromium at $(CHROMIUM): the browser tests (tests/browser) are SKIPPED. Install it with 'apt-get install -y chromium' (CI=true makes this an error)."
	$(BIN)/pytest -n auto --dist loadscope

test: lint typecheck imports unit

bench: install
	$(BIN)/python bench/assess_bench.py

bench-http: install
	$(BIN)/python bench/http_bench.py

bench-pg: install
	$(BIN)/python bench/pg_bench.py

schema: install
	$(BIN)/compliance schema --output schemas/submission.schema.json
	$(BIN)/compliance schema --rules --output schemas/rule.schema.json

messages: install
	$(BIN)/python -m compliance.web.messages

docs: install
	$(BIN)/compliance rules export --format markdown --output docs/rules.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
