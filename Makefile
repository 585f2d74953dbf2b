# ORCA HUNTR for QGIS — one command for each job.
#   make demo    fetch the demo scene and run the whole workflow through Processing
#   make test    install everything (Debian packages + venv) and run the tests
SHELL := /bin/bash
PYTHON_SYS := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := orca_huntr
DEB_PACKAGES := qgis python3-qgis qgis-providers python3-gdal python3-rasterio python3-geopandas \
	python3-rtree python3-scipy python3-venv xvfb xauth pyqt5-dev-tools qttools5-dev-tools \
	python3-distributed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QGIS_PROFILES ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
ARTIFACTS ?= artifacts
PYTEST_ARGS ?=
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup apt test test-fast lint run deploy package demo demo-data screenshots translations \
	bench bench-store bench-train bench-loader bench-detect bench-many bench-calibration bench-suppress eval-trees check-other-flight clean

setup: $(VENV)/.installed

apt:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt | apt
	test -x $(PY) || $(PYTHON_SYS) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -r requirements-dev.txt
	$(PY) -c "import numpy, scipy.ndimage, rasterio, geopandas; assert numpy.__version__.startswith('1.')"
	touch $@

test: setup
	mkdir -p $(ARTIFACTS)
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: setup
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# The real QGIS desktop with the plugin linked into a throw-away profile.
run: setup
	$(PY) scripts/qgis_profile.py --profiles build/profiles --link
	PYTHONPATH=$$($(PY) -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") qgis --profiles-path build/profiles

# Link the plugin into the user's QGIS profile (re-run after a git pull is not needed).
deploy:
	mkdir -p "$(QGIS_PROFILES)/python/plugins"
	ln -sfn "$(CURDIR)" "$(QGIS_PROFILES)/python/plugins/$(PLUGIN)"
	@echo "Linked into $(QGIS_PROFILES)/python/plugins/$(PLUGIN); enable it in Plugins > Manage and Install Plugins."

# The zip that "Plugins > Install from ZIP" accepts, from committed files only.
package:
	mkdir -p dist
	$(PYTHON_SYS) scripts/package.py --output dist/$(PLUGIN).zip

translations: setup
	$(PY) scripts/translations.py

demo: setup
	$(PY) scripts/demo.py --output demo_output

demo-data: setup
	$(PY) scripts/demo_data.py

# Benchmarks print ratios measured in one run; their last line is one JSON object.
bench: bench-store bench-train bench-loader bench-detect bench-many

bench-store: setup
	$(PY) benchmarks/bench_store.py

bench-train: setup
	$(PY) benchmarks/bench_train.py

bench-loader: setup
	$(PY) benchmarks/bench_loader.py

bench-detect: setup
	$(PY) benchmarks/bench_detect.py

bench-many: setup
	$(PY) benchmarks/bench_many.py

eval-trees: setup
	$(PY) benchmarks/eval_trees.py

# the calibration's cost at a stop, on the count model eval-trees left in build/eval_trees
bench-calibration: setup
	$(PY) benchmarks/bench_calibration.py

# what suppressing overlapping head boxes costs per object, 10k to 1M synthetic crowns
bench-suppress: setup
	$(PY) benchmarks/bench_suppress.py

# an independent check (nothing is tuned on it): eval-trees' count model on another flight
check-other-flight: setup
	$(PY) benchmarks/check_other_flight.py

screenshots: setup
	$(PY) scripts/screenshots.py --output docs/screenshots
	$(PY) scripts/install_screenshots.py --output docs/screenshots

clean:
	rm -rf build dist $(ARTIFACTS) .pytest_cache .mypy_cache .ruff_cache .pkg
