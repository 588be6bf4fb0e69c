# Planning Workbench: set-up, run, test. `make run` and `make test` do all set-up themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: setup system-deps run demo test lint bench screenshot installer clean

setup: $(STAMP)

system-deps:
	@bash .ci/system-deps.sh

$(STAMP): pyproject.toml
	@bash .ci/system-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	@touch $(STAMP)

ARGS ?= --db demo.db

run: setup
	$(BIN)/workbench $(ARGS)

demo: setup
	$(BIN)/workbench demo --db demo.db --force

test: setup
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/lint-imports
	bash .ci/pytest.sh

lint: setup
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/ruff format --check workbench tests benchmarks
	$(BIN)/lint-imports

screenshot: setup
	bash .ci/screenshot.sh resources/screenshots/main-window.png 1 resources/screenshots/welcome.png
	bash .ci/screenshot.sh resources/screenshots/main-window-150.png 1.5 resources/screenshots/welcome-150.png

bench: setup
	$(BIN)/python benchmarks/run.py

# The PyInstaller bundle dist/planning-workbench/ from a clean venv, smoke-tested, then
# wrapped as .tar.gz and .deb (see installers/README.md; Windows steps are there too).
installer:
	@bash .ci/system-deps.sh
	bash installers/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
