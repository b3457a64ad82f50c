"""Shared fixtures: a few small G-15 samples in our layout and the same samples in the official layout."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vbvr_benchmark.cli import app
from vbvr_core.testing.helpers import make_samples

KEY = "G-15_grid_avoid_obstacles"
SMALL = {"rows": 5, "cols": 5, "difficulty": 0}
OFFICIAL_TASK = "In-Domain_50/G-15_grid_avoid_obstacles_data-generator"


@pytest.fixture(scope="session")
def samples(tmp_path_factory) -> Path:
    """Three small G-15 samples under <root>/G-15_grid_avoid_obstacles/<index:08d>/."""
    root = tmp_path_factory.mktemp("samples")
    make_samples(KEY, root, count=3, seed=11, params=SMALL)
    return root


@pytest.fixture(scope="session")
def official_samples(samples, tmp_path_factory) -> Path:
    """The same samples renamed into the official VBVR-Bench layout, without metadata.json."""
    root = tmp_path_factory.mktemp("official")
    for folder in sorted((samples / KEY).iterdir()):
        dest = root / OFFICIAL_TASK / f"{int(folder.name):05d}"
        shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("metadata.json"))
    return root


@pytest.fixture(scope="session")
def cli():
    """Invoke vbvr-bench in-process: ``cli("score", "--samples", path, ...)`` returns the click Result."""
    return lambda *args: CliRunner().invoke(app, [str(arg) for arg in args])


# Debian's packages (`apt-get install chromium chromium-driver`); tests never download a browser of their own.
CHROMIUM = os.environ.get("VBVR_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("VBVR_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
BROWSER_FIX = "install Debian's chromium and chromium-driver: sudo apt-get install chromium chromium-driver"


def browser_problem(chromium: str = CHROMIUM, chromedriver: str = CHROMEDRIVER) -> str | None:
    """What keeps the browser tests from running (naming the missing program and the fix), or None."""
    missing = [f"{name} ({path})" for name, path in (("chromium", chromium), ("chromedriver", chromedriver))
               if not (os.path.isfile(path) and os.access(path, os.X_OK))]
    return f"{' and '.join(missing)} not installed; {BROWSER_FIX}" if missing else None


@pytest.fixture()
def browser(monkeypatch):
    """Headless chromium driven by chromedriver. Without them the test is skipped with the fix, except in CI
    (``CI=true``), where it fails: browser tests must not vanish silently there."""
    problem = browser_problem()
    if problem:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"browser tests cannot run in CI: {problem}", pytrace=False)
        pytest.skip(problem)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # selenium-manager must never download a browser or driver
    profile = tempfile.mkdtemp(prefix="vbvr-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--no-first-run", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
