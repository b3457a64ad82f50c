"""`vbvr review` end to end: exit codes, the G-15 review with its gallery, and the gallery seen in a browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner
from vbvr_core.cli.app import app
from vbvr_core.review import ReviewContext, ReviewTargetError, resolve_target, run_review
from vbvr_core.review.gallery import write_gallery

G15 = "G-15_grid_avoid_obstacles"
G15_FOLDER = Path(__file__).resolve().parents[2] / "generators" / G15


def test_unknown_key_exits_2_naming_the_key():
    outcome = CliRunner().invoke(app, ["review", "G-999_nope"])
    assert outcome.exit_code == 2
    assert "unknown task 'G-999_nope'" in " ".join(outcome.output.split())


def test_folder_without_pyproject_exits_2(tmp_path):
    outcome = CliRunner().invoke(app, ["review", str(tmp_path)])
    assert outcome.exit_code == 2 and "no pyproject.toml" in " ".join(outcome.output.split())


def test_uninstalled_folder_says_how_to_install(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[project.entry-points.vbvr]\n'
                                             'O-997_not_installed = "x.plugin"\n')
    with pytest.raises(ReviewTargetError, match=r"not installed: run `pip install -e"):
        resolve_target(str(tmp_path))


def test_package_folder_resolves_to_its_key():
    assert resolve_target(str(G15_FOLDER)) == (G15, G15_FOLDER)


def test_installed_key_wins_over_a_same_named_folder(tmp_path, monkeypatch):
    (tmp_path / G15).mkdir()
    monkeypatch.chdir(tmp_path)
    assert resolve_target(G15) == (G15, None)


def test_uninstalled_key_naming_a_folder_here_says_how_to_install(tmp_path, monkeypatch):
    (tmp_path / "O-996_here").mkdir()
    (tmp_path / "O-996_here" / "pyproject.toml").write_text('[project]\nname = "x"\n[project.entry-points.vbvr]\n'
                                                           'O-996_here = "x.plugin"\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReviewTargetError, match=r"pip install -e O-996_here"):
        resolve_target("O-996_here")


@pytest.fixture(scope="module")
def g15_review(tmp_path_factory):
    """Review G-15 with a gallery (small sample and draw counts); returns (exit code, output, gallery folder)."""
    gallery = tmp_path_factory.mktemp("gallery")
    outcome = CliRunner().invoke(app, ["review", G15, "--count", "2", "--draws", "200", "--gallery", str(gallery)])
    return outcome.exit_code, outcome.output, gallery


def test_g15_passes_review_and_its_gallery_holds_frames_previews_and_prompts(g15_review):
    exit_code, output, gallery = g15_review
    assert exit_code == 0, output
    assert "0 fail" in output and "oracle_scores_high" in output
    html = (gallery / "index.html").read_text("utf-8")
    for name in ("00000000", "00000001"):
        for image in ("first.png", "final.png", "preview.gif"):
            assert (gallery / name / image).stat().st_size > 1000
            assert f"{name}/{image}" in html
    assert "yellow ball starts on the blue cell" in html
    with Image.open(gallery / "00000000" / "preview.gif") as preview:
        assert preview.n_frames > 10


G15_COLOURS = {"agent yellow": (250, 210, 20), "start blue": (40, 90, 220), "goal red": (220, 30, 30)}


def test_gallery_screenshot_in_headless_chromium_shows_the_frames(tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    context = ReviewContext.for_key(G15, tmp_path / "work", samples=2)
    gallery = tmp_path / "gallery"
    write_gallery(context, run_review(context, checks=[]), gallery)
    shot = tmp_path / "shot.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                    "--window-size=1200,900", (gallery / "index.html").resolve().as_uri()],
                   capture_output=True, timeout=120, check=False)
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (900, 1200)
    # The first sample's first frame is drawn at the top left: its grid makes many non-white pixels there.
    first_image = pixels[90:370, 10:280]
    assert (np.abs(first_image - 255).sum(axis=-1) > 60).mean() > 0.05
    for name, rgb in G15_COLOURS.items():
        close = (np.abs(pixels - np.asarray(rgb)).sum(axis=-1) < 40).sum()
        assert close > 300, f"the screenshot shows almost no {name}: the frame images did not render"
