# Developer and CI entry points. `make check` is what CI runs (via .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := check

VENV := .venv
PY := $(VENV)/bin/python
TOOLS_BIN := $(CURDIR)/.tools/bin
PROTO_OUT := clients/python/maas_proto

.PHONY: setup gen gen-check lint type test check bench up

## Install/refresh everything the project needs (.venv, consul, ghz, grpcurl, buf).
setup:
	bash scripts/setup.sh

## Regenerate the Python protocol package from protos/.
gen:
	$(PY) scripts/gen.py

## Fail when the committed generated code differs from what protos/ generate.
gen-check:
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	$(PY) scripts/gen.py "$$tmp/maas_proto"; \
	if ! diff -r -x __pycache__ "$$tmp/maas_proto" $(PROTO_OUT); then \
		echo "gen-check: $(PROTO_OUT) is out of date with protos/; run 'make gen' and commit the result" >&2; \
		exit 1; \
	fi; \
	echo "gen-check: $(PROTO_OUT) is up to date"

## ruff (lint + format check) and buf lint of our own protos (protos/maas).
lint:
	@rc=0; \
	$(VENV)/bin/ruff check . || rc=1; \
	$(VENV)/bin/ruff format --check . || rc=1; \
	if [ -d protos/maas ]; then \
		(cd protos && $(TOOLS_BIN)/buf lint) || rc=1; \
	else \
		echo "lint: protos/maas does not exist yet; skipping buf lint"; \
	fi; \
	exit $$rc

## mypy --strict (configuration in pyproject.toml).
type:
	$(VENV)/bin/mypy

## The test suite; pytest's exit status fails the target (5 = no tests collected).
test: setup
	PATH="$(TOOLS_BIN):$$PATH" $(VENV)/bin/pytest -q -ra

check: setup gen-check lint type test

bench:
	$(PY) -m bench

## Regenerate bench/ghz (protoset, payloads, configurations) from protos/ and the demo models.
.PHONY: ghz
ghz:
	$(PY) -m bench.ghz.generate

up: setup
	$(VENV)/bin/maas up
