# Two commands are all a new user needs:  make run  and  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project metadata changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

# TMX dates: the last commit of the corpora (the same bytes in every clone), else the files' own dates
run: $(VENV)/.installed-run
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct -- corpora 2>/dev/null)} \
		$(BIN)/alignmem align --corpus corpora --out tm

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# Benchmarks read ../shared/eval (or $$ALIGNMEM_EVAL); the alignment one takes about 20 minutes.
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/segmentation.py
	$(BIN)/python benchmarks/alignment.py
	$(BIN)/python benchmarks/end_to_end.py
	$(BIN)/python benchmarks/article.py
	$(BIN)/python benchmarks/check.py
	$(BIN)/python benchmarks/glossary.py
	$(BIN)/python benchmarks/readers.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
