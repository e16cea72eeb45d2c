# Two commands for a fresh machine (see README):
#   make brief   set everything up and build the example brief into output/
#   make test    set everything up and run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
AXE    := .tools/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

.PHONY: brief test golden clean browser-tools

$(STAMP): pyproject.toml
	@# WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset is present, about a
	@# second faster per PDF than its fallback (fontTools). Optional: where apt-get or root
	@# is not at hand, the fallback is used and nothing fails.
	-@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! ldconfig -p | grep -q libharfbuzz-subset.so.0; then \
	  apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 || \
	  { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1; } || \
	  echo "note: libharfbuzz-subset0 not installed; PDFs are made a little slower"; fi
	@# poppler-utils (pdfinfo, pdftoppm): the weekly benchmarks count and show the PDF's pages.
	@# Optional as above: without it they print '?' for the page count.
	-@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! command -v pdfinfo >/dev/null; then \
	  apt-get install -y -qq poppler-utils >/dev/null 2>&1 || \
	  { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq poppler-utils >/dev/null 2>&1; } || \
	  echo "note: poppler-utils not installed; the benchmarks print no PDF page count"; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefing build examples/dprk-russia -o output/

test: $(STAMP) browser-tools
	$(BIN)/python -m pytest

# The browser test (tests/e2e/test_browser.py): Debian's Chromium and ChromeDriver, installed as
# root where apt-get exists (apt-get update only when the install needs it), and axe-core from
# the npm registry into .tools/. Optional: where they cannot be had, that test skips and says why.
browser-tools:
	-@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! { command -v chromium && test -x /usr/bin/chromedriver; } >/dev/null 2>&1; then \
	  echo "installing chromium and chromium-driver (for the browser test)"; \
	  apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || \
	  { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; } || \
	  echo "note: chromium not installed; the browser test will skip"; fi
	-@if [ ! -f $(AXE) ] && command -v npm >/dev/null; then \
	  npm install --prefix .tools --no-save --no-audit --no-fund --silent axe-core@$(AXE_VERSION) >/dev/null 2>&1 || \
	  echo "note: axe-core not installed; the accessibility check will skip"; fi

# Regenerate the golden example brief under tests/golden/ (review the diff, then commit).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(VENV) build dist *.egg-info .tools
