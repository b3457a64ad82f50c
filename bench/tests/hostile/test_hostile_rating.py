"""The rating app and `agreement` against hostile or careless use: taken ports, re-ratings, simulated raters
posing as people, bad paths and files, browsers half installed. Each case asserts the exit code or status,
the message, and that nothing outside the command's own output was written."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from starlette.testclient import TestClient
from vbvr_benchmark.agreement import ScoredVideo, load_ratings, measure_agreement
from vbvr_benchmark.cli import app
from vbvr_benchmark.rating import SCALES, Rating, RatingStore, build_study
from vbvr_benchmark.rating.app import create_app
from vbvr_benchmark.rating.simulate import simulate_ratings
from vbvr_core.judge.baselines import write_baseline
from vbvr_core.testing import hostile
from vbvr_core.testing.hostile import refused, snapshot

KEY = "G-15_grid_avoid_obstacles"
invoke = partial(hostile.invoke, app)
BENCH_TESTS = Path(__file__).resolve().parents[1]





@pytest.fixture(scope="module")
def videos(samples, tmp_path_factory) -> dict[str, Path]:
    """Two 'models' (static first frame, oracle) for the conftest samples."""
    root = tmp_path_factory.mktemp("rating-models")
    for kind in ("static", "oracle"):
        for folder in sorted((samples / KEY).iterdir()):
            write_baseline(kind, folder, root / kind / KEY / f"{folder.name}.mp4")
    return {kind: root / kind for kind in ("static", "oracle")}


def _form(rater: str, token: str, values=(4, 3, 5), comment: str = "") -> dict[str, str]:
    return {"rater": rater, "item": token, **{scale: str(v) for scale, v in zip(SCALES, values, strict=True)},
            "comment": comment}


# --- the server's port ------------------------------------------------------------------------------------------


def test_a_taken_port_is_refused_before_the_database_exists_or_a_url_is_printed(samples, videos, tmp_path):
    with socket.socket() as other_server:
        other_server.bind(("127.0.0.1", 0))
        other_server.listen()
        port = other_server.getsockname()[1]
        result = invoke("rate", "--samples", samples, "--videos", f"m={videos['static']}",
                        "--db", tmp_path / "sub" / "ratings.sqlite", "--port", port)
    text = refused(result, f"--port {port}", "already in use", "choose another --port")
    assert "http://" not in text
    assert not (tmp_path / "sub").exists(), "the database (or its folder) was created for a server that never ran"


def test_an_unknown_host_is_refused_before_anything_is_written(samples, videos, tmp_path):
    result = invoke("rate", "--samples", samples, "--videos", f"m={videos['static']}", "--db", tmp_path / "r.sqlite",
                    "--host", "no-such-host.invalid")
    refused(result, "--host no-such-host.invalid", "127.0.0.1")
    assert not (tmp_path / "r.sqlite").exists()


# --- re-rating: an append-only history --------------------------------------------------------------------------


def test_a_second_post_for_a_rated_video_keeps_both_and_the_page_says_so(samples, videos, tmp_path):
    study = build_study(samples, videos, seed=3)
    store = RatingStore(tmp_path / "ratings.sqlite")
    client = TestClient(create_app(study, store))
    token = study.order_for("ana")[0].token
    first = client.post("/rate", data=_form("ana", token, (5, 5, 5), "first look"), follow_redirects=False)
    assert first.status_code == 303 and "rerated" not in first.headers["location"]
    second = client.post("/rate", data=_form("ana", token, (1, 2, 3), "on reflection"), follow_redirects=False)
    assert second.status_code == 303 and "rerated=1" in second.headers["location"]
    page = client.get(second.headers["location"])
    assert 'id="rerated"' in page.text and "earlier one is kept" in page.text
    assert [(r.task_completion, r.comment) for r in store.history()] == [(5, "first look"), (1, "on reflection")]
    assert [(r.task_completion, r.comment) for r in store.ratings()] == [(1, "on reflection")]
    assert client.get("/rate?rater=bo").text.count('id="rerated"') == 0


def test_the_export_keeps_the_history_and_agreement_reads_only_the_latest(tmp_path):
    store = RatingStore(tmp_path / "r.sqlite")
    store.save(Rating("ana", "m", KEY, 0, 5, 5, 5, "first"))
    store.save(Rating("ana", "m", KEY, 0, 1, 1, 1, "second"))
    assert invoke("rate", "--db", tmp_path / "r.sqlite", "--export", tmp_path / "r.csv").exit_code == 0
    assert len((tmp_path / "r.csv").read_text("utf-8").splitlines()) == 3  # header + both ratings
    for source in (tmp_path / "r.csv", tmp_path / "r.sqlite"):
        assert [(r.task_completion, r.comment) for r in load_ratings(source)] == [(1, "second")]


def test_a_schema_1_database_is_migrated_with_every_rating(tmp_path):
    path = tmp_path / "old.sqlite"
    scales = ", ".join(f"{scale} INTEGER NOT NULL" for scale in SCALES)
    with sqlite3.connect(path) as connection:
        connection.executescript(f"""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta VALUES ('schema', '1');
            CREATE TABLE ratings (rater TEXT NOT NULL, model TEXT NOT NULL, task_key TEXT NOT NULL,
                sample_index INTEGER NOT NULL, {scales}, comment TEXT NOT NULL DEFAULT '', rated_at TEXT NOT NULL,
                PRIMARY KEY (rater, model, task_key, sample_index));
            INSERT INTO ratings VALUES ('ana', 'm', '{KEY}', 0, 4, 4, 4, 'kept', '2026-01-01T00:00:00');""")
    store = RatingStore(path)
    store.save(Rating("ana", "m", KEY, 0, 2, 2, 2, "again"))
    assert [(r.comment, r.task_completion) for r in store.history()] == [("kept", 4), ("again", 2)]


# --- simulated raters are not people ----------------------------------------------------------------------------


def _scores(count: int = 40) -> dict:
    generator = np.random.default_rng(2)
    return {("m", KEY, index): ScoredVideo("m", KEY, index, "spatiality", "in-domain", float(generator.uniform()))
            for index in range(count)}


def test_agreement_leaves_simulated_raters_out_of_a_human_study_and_says_so():
    scores = _scores()
    values = {video_id: video.score for video_id, video in scores.items()}
    humans = [Rating("ana", "m", KEY, index, 3, 3, 3, rated_at="2026-01-01") for index in range(40)]
    simulated = simulate_ratings(values, "following", raters=3, seed=1)
    result = measure_agreement(scores, humans + simulated)
    assert set(result.raters) == {"ana"} and len(result.excluded_simulated_raters) == 3
    assert "1 human rater(s)" in result.raters_label and "3 simulated rater(s) left out" in result.raters_label
    pooled = measure_agreement(scores, humans + simulated, include_simulated=True)
    assert len(pooled.raters) == 4 and "pooled with 3 simulated" in pooled.raters_label
    dry_run = measure_agreement(scores, simulated)
    assert "simulated rater(s) only: a dry run" in dry_run.raters_label


# --- bad paths and files ----------------------------------------------------------------------------------------


def test_a_db_under_a_file_or_a_folder_as_db_is_refused(samples, videos, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "folder.sqlite").mkdir()
    before = snapshot(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused(invoke("rate", "--samples", samples, "--videos", f"m={videos['static']}", "--port", port,
                   "--db", tmp_path / "notes.txt" / "r.sqlite"), "--db", "cannot create its folder")
    refused(invoke("rate", "--db", tmp_path / "folder.sqlite", "--export", tmp_path / "x.csv"), "--db")
    assert snapshot(tmp_path) == before


def test_an_unwritable_export_is_refused_with_the_fix(tmp_path):
    RatingStore(tmp_path / "r.sqlite").save(Rating("ana", "m", KEY, 0, 3, 3, 3))
    (tmp_path / "notes.txt").write_text("mine")
    refused(invoke("rate", "--db", tmp_path / "r.sqlite", "--export", tmp_path / "notes.txt" / "r.csv"),
            "--export", "cannot write it")


@pytest.mark.parametrize("content, phrase", [
    (b"rater,model,key,index\n\xff\xfe,m,k,0\n", "not UTF-8"),
    ("rater,model,key,index,task_completion,reasoning_logic,visual_quality,comment,rated_at\n"
     f"ana,m,{KEY},0,9,1,1,,x\n".encode(), "ratings must be 1-5"),
    (b"just,some\ncsv,file\n", "not a rating row"),
])
def test_agreement_refuses_a_bad_ratings_csv(tmp_path, content, phrase):
    (tmp_path / "r.csv").write_bytes(content)
    refused(invoke("agreement", "--ratings", tmp_path / "r.csv", "--report", tmp_path), "r.csv", phrase, "Fix:")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r.csv"]


@pytest.mark.parametrize("field, value, status", [("rater", "x" * 41, 400), ("comment", "a\x00b", 400),
                                                  ("item", "../../etc/passwd", 400), ("task_completion", "5.0", 400)])
def test_hostile_form_values_store_nothing(samples, videos, tmp_path, field, value, status):
    study = build_study(samples, videos, seed=3)
    store = RatingStore(tmp_path / "r.sqlite")
    form = {**_form("ana", study.items[0].token), field: value}
    assert TestClient(create_app(study, store)).post("/rate", data=form).status_code == status
    assert store.history() == []


# --- browser tests cannot vanish in CI --------------------------------------------------------------------------


@pytest.mark.parametrize("ci, outcome, code", [("", "1 skipped", 0), ("true", "1 error", 1)])
def test_chromium_without_chromedriver_skips_locally_and_fails_in_ci_with_the_fix(tmp_path, ci, outcome, code):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\nexit 0\n")
    chromium.chmod(0o755)
    env = {**os.environ, "CI": ci, "VBVR_TEST_CHROMIUM": str(chromium),
           "VBVR_TEST_CHROMEDRIVER": str(tmp_path / "chromedriver")}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-rsf", "-k",
                           "browser_refusal_page", str(BENCH_TESTS / "test_rating.py")],
                          env=env, capture_output=True, text=True, timeout=300, cwd=BENCH_TESTS.parents[1])
    assert done.returncode == code and outcome in done.stdout.splitlines()[-1], done.stdout[-3000:]
    assert "Traceback" not in done.stdout and "WebDriverException" not in done.stdout, done.stdout[-3000:]
    assert "chromedriver" in done.stdout and "apt-get install chromium chromium-driver" in done.stdout


# --- help texts -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["rate", "agreement"])
def test_help_has_no_stray_spaces_and_one_line_in_the_command_list(command):
    import re

    result = hostile.invoke(app, command, "--help", env={"COLUMNS": "250"})
    assert result.exit_code == 0
    stray = [line for line in result.output.splitlines() if re.search(r"\S +[.,;:](\s|$)|\( | \)", line.strip("│ "))]
    assert not stray, result.output
    listing = hostile.invoke(app, "--help", env={"COLUMNS": "250"}).output.splitlines()
    row = next(number for number, line in enumerate(listing) if line.startswith(f"│ {command} "))
    assert not re.match(r"│ {5,}\S", listing[row + 1]), f"a hard line break in the command list: {listing[row + 1]}"


def test_ci_fails_loudly_when_the_browser_cannot_be_installed(tmp_path):
    """.ci/run installs Debian's chromium and chromium-driver or stops; it never goes on without them."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for tool in ("dirname", "id"):  # only what the script needs before `make`; no chromium, no make
        (fake_bin / tool).symlink_to(subprocess.run(["which", tool], capture_output=True, text=True,
                                                    check=True).stdout.strip())
    (fake_bin / "apt-get").write_text("#!/bin/sh\necho 'E: Unable to locate package chromium' >&2\nexit 100\n")
    (fake_bin / "apt-get").chmod(0o755)
    (fake_bin / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    (fake_bin / "sudo").chmod(0o755)
    script = BENCH_TESTS.parents[1] / ".ci" / "run"
    done = subprocess.run(["/bin/bash", str(script)], env={"PATH": str(fake_bin), "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "could not install Debian's chromium and chromium-driver" in done.stderr
    assert "apt-get install chromium chromium-driver" in done.stderr
