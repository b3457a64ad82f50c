# The two set-up commands of the README: `make demo` and `make test`.
# Everything the project needs is installed from here into .venv (no manual steps).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every package of the repository, core first; the one list is vbvr_core/release/packages.py (stdlib only).
PACKAGES := $(shell $(PYTHON) vbvr-core/src/vbvr_core/release/packages.py)
EDITABLE := $(foreach pkg,$(PACKAGES),-e "$(pkg)[test]")
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test venv install lint dist clean release-check

venv: $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

## install: every package of the repository in editable mode, with its test dependencies.
## The packages build with the venv's own setuptools (--no-build-isolation): one isolated build environment per
## package cost ≈ 5.7 s CPU each, the shared one ≈ 1.4 s (benchmarks/install.py measures both).
install: venv
	$(PIP) install "setuptools>=77" wheel
	$(PIP) install --no-build-isolation $(EDITABLE)

## demo: install, then run the registry's demo preset (a few small samples of every task) into out/demo
demo: install
	$(BIN)/vbvr-factory run registry.yaml --preset demo --out out/demo
	@echo
	@echo "Demo samples are in out/demo/<task key>/ (manifest.jsonl lists them). Open e.g."
	@echo "out/demo/G-15_grid_avoid_obstacles/00000000/ground_truth.mp4, or run:"
	@echo "  $(BIN)/vbvr show out/demo/G-15_grid_avoid_obstacles/00000000"
	@echo "  $(BIN)/vbvr-factory status out/demo"

## test: install, then run every package's tests (2 workers)
test: install
	$(BIN)/python -m pytest -n 2 $(foreach pkg,$(PACKAGES),$(pkg)/tests)

## release-check: every package changed since the last release (release-baseline.toml) carries a new version
release-check: install
	$(BIN)/vbvr release check

## dist: wheel + sdist of every package (git commit baked in) and a PEP 503 index in dist/simple
dist: install
	rm -rf dist
	$(BIN)/vbvr release build --out dist

lint: install
	$(BIN)/ruff check vbvr-core generators

clean:
	rm -rf $(VENV) out .nox dist
