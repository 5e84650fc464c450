# Everything runs from a fresh clone with nothing but Python 3.11+ installed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out/demo

.PHONY: install demo test bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/summarykit parse corpora/seed --format tree
	$(BIN)/summarykit analyze corpora/seed corpora/dev --out $(OUT)

test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

evaluate: install
	$(BIN)/summarykit evaluate sections

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) out build dist src/*.egg-info .pytest_cache .hypothesis
