# Two entry points for a fresh machine with only Python 3.11+: `make run` and `make test`.
# Everything goes into a local .venv; the stamps re-install when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench screenshot docs mutants clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.mutants-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,mutants]"
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/camtool

test: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	$(BIN)/python -m camtool bench

docs: $(VENV)/.test-installed
	$(BIN)/python tools/gen_rules_doc.py
	$(BIN)/python tools/gen_cli_doc.py
	$(BIN)/python tools/gen_schema.py

# Mutation testing (not part of CI): mutate config, the verdict and the device parsers, run
# their unit tests against each mutant ([tool.mutmut] in pyproject.toml), then score each
# module (bar 85%). Narrow it with MUTANTS='camtool.config.semantics.*'; work files in mutants/.
MUTANTS ?= camtool.config.* camtool.vision.verdict.* camtool.vision.explanations.* \
	camtool.vision.behaviour_learning.* camtool.vision.recommendation.* camtool.device.parsers.*
MUTANTS_CHILDREN ?= 2
mutants: $(VENV)/.mutants-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/mutmut run --max-children $(MUTANTS_CHILDREN) $(foreach m,$(MUTANTS),'$(m)')
	$(BIN)/python tools/mutant_score.py

screenshot: $(VENV)/.test-installed
	bash tools/screenshot.sh

clean:
	rm -rf $(VENV) build dist *.egg-info mutants
