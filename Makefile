# Two set-up commands for users: `make demo` and `make test`. Both build .venv themselves.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test debs bench bench-scale lint clean

# Debian packages the tests drive for real: a Redis server (distributed crawl) and a browser (web
# page), with a CJK font so its screenshots show Chinese.
DEBS := redis-server chromium fonts-wqy-microhei

APT := apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

$(STAMP): pyproject.toml
	python3 -m venv $(VENV) || ($(APT) python3-venv && python3 -m venv $(VENV))
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/honours demo

debs:
	@command -v redis-server >/dev/null && command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi wqy || \
	  ($(APT) $(DEBS))

test: debs $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q

bench: debs $(STAMP)
	$(PY) bench/accuracy.py
	$(PY) bench/throughput.py
	$(PY) bench/crawl.py
	$(PY) bench/webload.py
	$(PY) bench/study.py
	$(PY) bench/linking.py
	$(PY) bench/cluster.py

# The 100 k-article comparison of the two engines (about an hour on 2 cores); bench/webload.py then
# also measures the page against the archive it leaves.
bench-scale: $(STAMP)
	$(PY) bench/scale.py --keep

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache
