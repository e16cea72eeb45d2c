# Two commands for a fresh machine (see README):
#   make brief   set everything up and build the example brief into output/
#   make test    set everything up and run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefing build examples/dprk-russia -o output/

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate the golden example brief under tests/golden/ (review the diff, then commit).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) build dist *.egg-info
